from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.guest_letter import GuestLetter
  from ..models.guest_registration import GuestRegistration





T = TypeVar("T", bound="GuestPage")



@_attrs_define
class GuestPage:
    """ 
        Attributes:
            ends_at (datetime.datetime):
            event_title (str):
            invitation_status (str):
            invited_email (str):
            link_expires_at (datetime.datetime):
            starts_at (datetime.datetime):
            letter (GuestLetter | None | Unset):
            registration (GuestRegistration | None | Unset):
     """

    ends_at: datetime.datetime
    event_title: str
    invitation_status: str
    invited_email: str
    link_expires_at: datetime.datetime
    starts_at: datetime.datetime
    letter: GuestLetter | None | Unset = UNSET
    registration: GuestRegistration | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.guest_letter import GuestLetter # noqa: PLC0415
        from ..models.guest_registration import GuestRegistration # noqa: PLC0415
        ends_at = self.ends_at.isoformat()

        event_title = self.event_title

        invitation_status = self.invitation_status

        invited_email = self.invited_email

        link_expires_at = self.link_expires_at.isoformat()

        starts_at = self.starts_at.isoformat()

        letter: dict[str, Any] | None | Unset
        if isinstance(self.letter, Unset):
            letter = UNSET
        elif isinstance(self.letter, GuestLetter):
            letter = self.letter.to_dict()
        else:
            letter = self.letter

        registration: dict[str, Any] | None | Unset
        if isinstance(self.registration, Unset):
            registration = UNSET
        elif isinstance(self.registration, GuestRegistration):
            registration = self.registration.to_dict()
        else:
            registration = self.registration


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ends_at": ends_at,
            "event_title": event_title,
            "invitation_status": invitation_status,
            "invited_email": invited_email,
            "link_expires_at": link_expires_at,
            "starts_at": starts_at,
        })
        if letter is not UNSET:
            field_dict["letter"] = letter
        if registration is not UNSET:
            field_dict["registration"] = registration

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.guest_letter import GuestLetter # noqa: PLC0415
        from ..models.guest_registration import GuestRegistration # noqa: PLC0415
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        event_title = d.pop("event_title")

        invitation_status = d.pop("invitation_status")

        invited_email = d.pop("invited_email")

        link_expires_at = datetime.datetime.fromisoformat(d.pop("link_expires_at"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        def _parse_letter(data: object) -> GuestLetter | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                letter_type_0 = GuestLetter.from_dict(data)



                return letter_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GuestLetter | None | Unset, data)

        letter = _parse_letter(d.pop("letter", UNSET))


        def _parse_registration(data: object) -> GuestRegistration | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                registration_type_0 = GuestRegistration.from_dict(data)



                return registration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GuestRegistration | None | Unset, data)

        registration = _parse_registration(d.pop("registration", UNSET))


        guest_page = cls(
            ends_at=ends_at,
            event_title=event_title,
            invitation_status=invitation_status,
            invited_email=invited_email,
            link_expires_at=link_expires_at,
            starts_at=starts_at,
            letter=letter,
            registration=registration,
        )


        guest_page.additional_properties = d
        return guest_page

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
