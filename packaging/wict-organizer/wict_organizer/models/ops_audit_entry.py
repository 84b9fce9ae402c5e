from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.ops_audit_entry_detail import OpsAuditEntryDetail





T = TypeVar("T", bound="OpsAuditEntry")



@_attrs_define
class OpsAuditEntry:
    """ 
        Attributes:
            action (str):
            actor (str):
            at (datetime.datetime):
            booking_id (None | UUID):
            detail (OpsAuditEntryDetail):
            id (int):
            trace_id (str):
     """

    action: str
    actor: str
    at: datetime.datetime
    booking_id: None | UUID
    detail: OpsAuditEntryDetail
    id: int
    trace_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ops_audit_entry_detail import OpsAuditEntryDetail # noqa: PLC0415
        action = self.action

        actor = self.actor

        at = self.at.isoformat()

        booking_id: None | str
        if isinstance(self.booking_id, UUID):
            booking_id = str(self.booking_id)
        else:
            booking_id = self.booking_id

        detail = self.detail.to_dict()

        id = self.id

        trace_id = self.trace_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor": actor,
            "at": at,
            "booking_id": booking_id,
            "detail": detail,
            "id": id,
            "trace_id": trace_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ops_audit_entry_detail import OpsAuditEntryDetail # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_booking_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booking_id_type_0 = UUID(data)



                return booking_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        booking_id = _parse_booking_id(d.pop("booking_id"))


        detail = OpsAuditEntryDetail.from_dict(d.pop("detail"))




        id = d.pop("id")

        trace_id = d.pop("trace_id")

        ops_audit_entry = cls(
            action=action,
            actor=actor,
            at=at,
            booking_id=booking_id,
            detail=detail,
            id=id,
            trace_id=trace_id,
        )


        ops_audit_entry.additional_properties = d
        return ops_audit_entry

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
