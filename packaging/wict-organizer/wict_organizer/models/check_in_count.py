from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="CheckInCount")



@_attrs_define
class CheckInCount:
    """ 
        Attributes:
            booking_id (UUID):
            checked_in (int):
            event_title (str):
            registered (int):
            space_id (None | str):
            walk_ins (int):
     """

    booking_id: UUID
    checked_in: int
    event_title: str
    registered: int
    space_id: None | str
    walk_ins: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        checked_in = self.checked_in

        event_title = self.event_title

        registered = self.registered

        space_id: None | str
        space_id = self.space_id

        walk_ins = self.walk_ins


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "checked_in": checked_in,
            "event_title": event_title,
            "registered": registered,
            "space_id": space_id,
            "walk_ins": walk_ins,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = UUID(d.pop("booking_id"))




        checked_in = d.pop("checked_in")

        event_title = d.pop("event_title")

        registered = d.pop("registered")

        def _parse_space_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        space_id = _parse_space_id(d.pop("space_id"))


        walk_ins = d.pop("walk_ins")

        check_in_count = cls(
            booking_id=booking_id,
            checked_in=checked_in,
            event_title=event_title,
            registered=registered,
            space_id=space_id,
            walk_ins=walk_ins,
        )


        check_in_count.additional_properties = d
        return check_in_count

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
