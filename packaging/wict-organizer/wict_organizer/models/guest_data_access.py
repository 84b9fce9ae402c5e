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
  from ..models.guest_data_access_detail import GuestDataAccessDetail





T = TypeVar("T", bound="GuestDataAccess")



@_attrs_define
class GuestDataAccess:
    """ 
        Attributes:
            action (str):
            actor (str):
            at (datetime.datetime):
            booking_id (UUID):
            detail (GuestDataAccessDetail):
            id (int): pass as `before` for older entries
            trace_id (str):
            guests (int | None | Unset):
            purpose (None | str | Unset):
     """

    action: str
    actor: str
    at: datetime.datetime
    booking_id: UUID
    detail: GuestDataAccessDetail
    id: int
    trace_id: str
    guests: int | None | Unset = UNSET
    purpose: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.guest_data_access_detail import GuestDataAccessDetail # noqa: PLC0415
        action = self.action

        actor = self.actor

        at = self.at.isoformat()

        booking_id = str(self.booking_id)

        detail = self.detail.to_dict()

        id = self.id

        trace_id = self.trace_id

        guests: int | None | Unset
        if isinstance(self.guests, Unset):
            guests = UNSET
        else:
            guests = self.guests

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose


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
        if guests is not UNSET:
            field_dict["guests"] = guests
        if purpose is not UNSET:
            field_dict["purpose"] = purpose

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.guest_data_access_detail import GuestDataAccessDetail # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        booking_id = UUID(d.pop("booking_id"))




        detail = GuestDataAccessDetail.from_dict(d.pop("detail"))




        id = d.pop("id")

        trace_id = d.pop("trace_id")

        def _parse_guests(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        guests = _parse_guests(d.pop("guests", UNSET))


        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))


        guest_data_access = cls(
            action=action,
            actor=actor,
            at=at,
            booking_id=booking_id,
            detail=detail,
            id=id,
            trace_id=trace_id,
            guests=guests,
            purpose=purpose,
        )


        guest_data_access.additional_properties = d
        return guest_data_access

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
