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






T = TypeVar("T", bound="LetterInQueue")



@_attrs_define
class LetterInQueue:
    """ 
        Attributes:
            booking_id (UUID):
            event_title (str):
            guest_name (None | str): as in the passport; null once the guest's data is gone
            letter_id (UUID):
            nationality (None | str):
            registration_id (None | UUID):
            requested_at (datetime.datetime):
            status (str):
            number (None | str | Unset):
     """

    booking_id: UUID
    event_title: str
    guest_name: None | str
    letter_id: UUID
    nationality: None | str
    registration_id: None | UUID
    requested_at: datetime.datetime
    status: str
    number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        event_title = self.event_title

        guest_name: None | str
        guest_name = self.guest_name

        letter_id = str(self.letter_id)

        nationality: None | str
        nationality = self.nationality

        registration_id: None | str
        if isinstance(self.registration_id, UUID):
            registration_id = str(self.registration_id)
        else:
            registration_id = self.registration_id

        requested_at = self.requested_at.isoformat()

        status = self.status

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "event_title": event_title,
            "guest_name": guest_name,
            "letter_id": letter_id,
            "nationality": nationality,
            "registration_id": registration_id,
            "requested_at": requested_at,
            "status": status,
        })
        if number is not UNSET:
            field_dict["number"] = number

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = UUID(d.pop("booking_id"))




        event_title = d.pop("event_title")

        def _parse_guest_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        guest_name = _parse_guest_name(d.pop("guest_name"))


        letter_id = UUID(d.pop("letter_id"))




        def _parse_nationality(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nationality = _parse_nationality(d.pop("nationality"))


        def _parse_registration_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                registration_id_type_0 = UUID(data)



                return registration_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        registration_id = _parse_registration_id(d.pop("registration_id"))


        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))




        status = d.pop("status")

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))


        letter_in_queue = cls(
            booking_id=booking_id,
            event_title=event_title,
            guest_name=guest_name,
            letter_id=letter_id,
            nationality=nationality,
            registration_id=registration_id,
            requested_at=requested_at,
            status=status,
            number=number,
        )


        letter_in_queue.additional_properties = d
        return letter_in_queue

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
