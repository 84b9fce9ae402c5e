from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="WaitlistItem")



@_attrs_define
class WaitlistItem:
    """ 
        Attributes:
            booking_id (None | UUID):
            created_at (datetime.datetime):
            ends_at (datetime.datetime):
            space_id (str):
            starts_at (datetime.datetime):
            status (str):
            waitlist_id (UUID):
     """

    booking_id: None | UUID
    created_at: datetime.datetime
    ends_at: datetime.datetime
    space_id: str
    starts_at: datetime.datetime
    status: str
    waitlist_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id: None | str
        if isinstance(self.booking_id, UUID):
            booking_id = str(self.booking_id)
        else:
            booking_id = self.booking_id

        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        space_id = self.space_id

        starts_at = self.starts_at.isoformat()

        status = self.status

        waitlist_id = str(self.waitlist_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "created_at": created_at,
            "ends_at": ends_at,
            "space_id": space_id,
            "starts_at": starts_at,
            "status": status,
            "waitlist_id": waitlist_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        space_id = d.pop("space_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = d.pop("status")

        waitlist_id = UUID(d.pop("waitlist_id"))




        waitlist_item = cls(
            booking_id=booking_id,
            created_at=created_at,
            ends_at=ends_at,
            space_id=space_id,
            starts_at=starts_at,
            status=status,
            waitlist_id=waitlist_id,
        )


        waitlist_item.additional_properties = d
        return waitlist_item

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
