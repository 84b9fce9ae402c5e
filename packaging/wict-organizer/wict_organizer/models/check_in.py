from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CheckIn")



@_attrs_define
class CheckIn:
    """ 
        Attributes:
            booking_id (UUID):
            checked_in_at (datetime.datetime):
            checked_in_space (str):
            event_title (str):
            full_name (str):
            nationality (str):
            needs (list[str]):
            needs_note (str):
            registration_id (UUID):
     """

    booking_id: UUID
    checked_in_at: datetime.datetime
    checked_in_space: str
    event_title: str
    full_name: str
    nationality: str
    needs: list[str]
    needs_note: str
    registration_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        checked_in_at = self.checked_in_at.isoformat()

        checked_in_space = self.checked_in_space

        event_title = self.event_title

        full_name = self.full_name

        nationality = self.nationality

        needs = self.needs



        needs_note = self.needs_note

        registration_id = str(self.registration_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "checked_in_at": checked_in_at,
            "checked_in_space": checked_in_space,
            "event_title": event_title,
            "full_name": full_name,
            "nationality": nationality,
            "needs": needs,
            "needs_note": needs_note,
            "registration_id": registration_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = UUID(d.pop("booking_id"))




        checked_in_at = datetime.datetime.fromisoformat(d.pop("checked_in_at"))




        checked_in_space = d.pop("checked_in_space")

        event_title = d.pop("event_title")

        full_name = d.pop("full_name")

        nationality = d.pop("nationality")

        needs = cast(list[str], d.pop("needs"))


        needs_note = d.pop("needs_note")

        registration_id = UUID(d.pop("registration_id"))




        check_in = cls(
            booking_id=booking_id,
            checked_in_at=checked_in_at,
            checked_in_space=checked_in_space,
            event_title=event_title,
            full_name=full_name,
            nationality=nationality,
            needs=needs,
            needs_note=needs_note,
            registration_id=registration_id,
        )


        check_in.additional_properties = d
        return check_in

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
