from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="LetterVerification")



@_attrs_define
class LetterVerification:
    """ 
        Attributes:
            ends_on (datetime.date):
            event (str):
            guest_name (str):
            inviting_organization (str):
            issued_at (datetime.datetime):
            nationality (str):
            number (str):
            passport (str): masked: ••••••1234
            starts_on (datetime.date):
            status (str): issued, or revoked (then `revoked_at` says when)
            revoked_at (datetime.datetime | None | Unset):
     """

    ends_on: datetime.date
    event: str
    guest_name: str
    inviting_organization: str
    issued_at: datetime.datetime
    nationality: str
    number: str
    passport: str
    starts_on: datetime.date
    status: str
    revoked_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ends_on = self.ends_on.isoformat()

        event = self.event

        guest_name = self.guest_name

        inviting_organization = self.inviting_organization

        issued_at = self.issued_at.isoformat()

        nationality = self.nationality

        number = self.number

        passport = self.passport

        starts_on = self.starts_on.isoformat()

        status = self.status

        revoked_at: None | str | Unset
        if isinstance(self.revoked_at, Unset):
            revoked_at = UNSET
        elif isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ends_on": ends_on,
            "event": event,
            "guest_name": guest_name,
            "inviting_organization": inviting_organization,
            "issued_at": issued_at,
            "nationality": nationality,
            "number": number,
            "passport": passport,
            "starts_on": starts_on,
            "status": status,
        })
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))




        event = d.pop("event")

        guest_name = d.pop("guest_name")

        inviting_organization = d.pop("inviting_organization")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))




        nationality = d.pop("nationality")

        number = d.pop("number")

        passport = d.pop("passport")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        status = d.pop("status")

        def _parse_revoked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)



                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at", UNSET))


        letter_verification = cls(
            ends_on=ends_on,
            event=event,
            guest_name=guest_name,
            inviting_organization=inviting_organization,
            issued_at=issued_at,
            nationality=nationality,
            number=number,
            passport=passport,
            starts_on=starts_on,
            status=status,
            revoked_at=revoked_at,
        )


        letter_verification.additional_properties = d
        return letter_verification

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
