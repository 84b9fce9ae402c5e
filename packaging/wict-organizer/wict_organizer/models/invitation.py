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






T = TypeVar("T", bound="Invitation")



@_attrs_define
class Invitation:
    """ 
        Attributes:
            email (str):
            expires_at (datetime.datetime):
            invitation_id (UUID):
            invited_at (datetime.datetime):
            locale (str):
            registered (bool):
            sent_count (int):
            status (str): invited, registered, withdrawn or revoked
            checked_in_at (datetime.datetime | None | Unset):
            letter_status (None | str | Unset): the guest's latest invitation letter: requested, issued, refused, revoked
     """

    email: str
    expires_at: datetime.datetime
    invitation_id: UUID
    invited_at: datetime.datetime
    locale: str
    registered: bool
    sent_count: int
    status: str
    checked_in_at: datetime.datetime | None | Unset = UNSET
    letter_status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        expires_at = self.expires_at.isoformat()

        invitation_id = str(self.invitation_id)

        invited_at = self.invited_at.isoformat()

        locale = self.locale

        registered = self.registered

        sent_count = self.sent_count

        status = self.status

        checked_in_at: None | str | Unset
        if isinstance(self.checked_in_at, Unset):
            checked_in_at = UNSET
        elif isinstance(self.checked_in_at, datetime.datetime):
            checked_in_at = self.checked_in_at.isoformat()
        else:
            checked_in_at = self.checked_in_at

        letter_status: None | str | Unset
        if isinstance(self.letter_status, Unset):
            letter_status = UNSET
        else:
            letter_status = self.letter_status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
            "expires_at": expires_at,
            "invitation_id": invitation_id,
            "invited_at": invited_at,
            "locale": locale,
            "registered": registered,
            "sent_count": sent_count,
            "status": status,
        })
        if checked_in_at is not UNSET:
            field_dict["checked_in_at"] = checked_in_at
        if letter_status is not UNSET:
            field_dict["letter_status"] = letter_status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        invitation_id = UUID(d.pop("invitation_id"))




        invited_at = datetime.datetime.fromisoformat(d.pop("invited_at"))




        locale = d.pop("locale")

        registered = d.pop("registered")

        sent_count = d.pop("sent_count")

        status = d.pop("status")

        def _parse_checked_in_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checked_in_at_type_0 = datetime.datetime.fromisoformat(data)



                return checked_in_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        checked_in_at = _parse_checked_in_at(d.pop("checked_in_at", UNSET))


        def _parse_letter_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        letter_status = _parse_letter_status(d.pop("letter_status", UNSET))


        invitation = cls(
            email=email,
            expires_at=expires_at,
            invitation_id=invitation_id,
            invited_at=invited_at,
            locale=locale,
            registered=registered,
            sent_count=sent_count,
            status=status,
            checked_in_at=checked_in_at,
            letter_status=letter_status,
        )


        invitation.additional_properties = d
        return invitation

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
