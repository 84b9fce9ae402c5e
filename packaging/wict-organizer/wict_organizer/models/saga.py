from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.waiting_step import WaitingStep





T = TypeVar("T", bound="Saga")



@_attrs_define
class Saga:
    """ 
        Attributes:
            booking_id (UUID):
            kind (str):
            started_at (datetime.datetime):
            state (str):
            trace_id (str):
            updated_at (datetime.datetime):
            reason (None | str | Unset):
            revision (int | None | Unset):
            status (None | str | Unset):
            stuck_because (list[str] | Unset):
            waiting_on (list[WaitingStep] | Unset):
     """

    booking_id: UUID
    kind: str
    started_at: datetime.datetime
    state: str
    trace_id: str
    updated_at: datetime.datetime
    reason: None | str | Unset = UNSET
    revision: int | None | Unset = UNSET
    status: None | str | Unset = UNSET
    stuck_because: list[str] | Unset = UNSET
    waiting_on: list[WaitingStep] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.waiting_step import WaitingStep # noqa: PLC0415
        booking_id = str(self.booking_id)

        kind = self.kind

        started_at = self.started_at.isoformat()

        state = self.state

        trace_id = self.trace_id

        updated_at = self.updated_at.isoformat()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        revision: int | None | Unset
        if isinstance(self.revision, Unset):
            revision = UNSET
        else:
            revision = self.revision

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        stuck_because: list[str] | Unset = UNSET
        if not isinstance(self.stuck_because, Unset):
            stuck_because = self.stuck_because



        waiting_on: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.waiting_on, Unset):
            waiting_on = []
            for waiting_on_item_data in self.waiting_on:
                waiting_on_item = waiting_on_item_data.to_dict()
                waiting_on.append(waiting_on_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "kind": kind,
            "started_at": started_at,
            "state": state,
            "trace_id": trace_id,
            "updated_at": updated_at,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason
        if revision is not UNSET:
            field_dict["revision"] = revision
        if status is not UNSET:
            field_dict["status"] = status
        if stuck_because is not UNSET:
            field_dict["stuck_because"] = stuck_because
        if waiting_on is not UNSET:
            field_dict["waiting_on"] = waiting_on

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.waiting_step import WaitingStep # noqa: PLC0415
        d = dict(src_dict)
        booking_id = UUID(d.pop("booking_id"))




        kind = d.pop("kind")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        state = d.pop("state")

        trace_id = d.pop("trace_id")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_revision(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        revision = _parse_revision(d.pop("revision", UNSET))


        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        stuck_because = cast(list[str], d.pop("stuck_because", UNSET))


        _waiting_on = d.pop("waiting_on", UNSET)
        waiting_on: list[WaitingStep] | Unset = UNSET
        if _waiting_on is not UNSET:
            waiting_on = []
            for waiting_on_item_data in _waiting_on:
                waiting_on_item = WaitingStep.from_dict(waiting_on_item_data)



                waiting_on.append(waiting_on_item)


        saga = cls(
            booking_id=booking_id,
            kind=kind,
            started_at=started_at,
            state=state,
            trace_id=trace_id,
            updated_at=updated_at,
            reason=reason,
            revision=revision,
            status=status,
            stuck_because=stuck_because,
            waiting_on=waiting_on,
        )


        saga.additional_properties = d
        return saga

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
