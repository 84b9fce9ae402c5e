from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PendingApproval")



@_attrs_define
class PendingApproval:
    """ 
        Attributes:
            attendees (int):
            booking_id (UUID):
            decide_by (datetime.datetime):
            ends_at (datetime.datetime):
            space_id (str):
            starts_at (datetime.datetime):
            title (str):
     """

    attendees: int
    booking_id: UUID
    decide_by: datetime.datetime
    ends_at: datetime.datetime
    space_id: str
    starts_at: datetime.datetime
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attendees = self.attendees

        booking_id = str(self.booking_id)

        decide_by = self.decide_by.isoformat()

        ends_at = self.ends_at.isoformat()

        space_id = self.space_id

        starts_at = self.starts_at.isoformat()

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attendees": attendees,
            "booking_id": booking_id,
            "decide_by": decide_by,
            "ends_at": ends_at,
            "space_id": space_id,
            "starts_at": starts_at,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attendees = d.pop("attendees")

        booking_id = UUID(d.pop("booking_id"))




        decide_by = datetime.datetime.fromisoformat(d.pop("decide_by"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        space_id = d.pop("space_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        title = d.pop("title")

        pending_approval = cls(
            attendees=attendees,
            booking_id=booking_id,
            decide_by=decide_by,
            ends_at=ends_at,
            space_id=space_id,
            starts_at=starts_at,
            title=title,
        )


        pending_approval.additional_properties = d
        return pending_approval

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
