from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="GuestRegistration")



@_attrs_define
class GuestRegistration:
    """ 
        Attributes:
            allergens (list[str]):
            consent_version (str):
            date_of_birth_given (bool):
            dietary (list[str]):
            email (None | str):
            full_name (str):
            letter_wanted (bool):
            locale (str):
            nationality (str):
            needs (list[str]):
            needs_note (str):
            pass_code (str): the check-in pass, grouped for typing at the door
            pass_qr (str): what the pass's QR code holds (WICT1:<code>)
            phone (None | str):
            registration_id (UUID):
            passport_number (None | str | Unset): masked: ••••••1234
     """

    allergens: list[str]
    consent_version: str
    date_of_birth_given: bool
    dietary: list[str]
    email: None | str
    full_name: str
    letter_wanted: bool
    locale: str
    nationality: str
    needs: list[str]
    needs_note: str
    pass_code: str
    pass_qr: str
    phone: None | str
    registration_id: UUID
    passport_number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        allergens = self.allergens



        consent_version = self.consent_version

        date_of_birth_given = self.date_of_birth_given

        dietary = self.dietary



        email: None | str
        email = self.email

        full_name = self.full_name

        letter_wanted = self.letter_wanted

        locale = self.locale

        nationality = self.nationality

        needs = self.needs



        needs_note = self.needs_note

        pass_code = self.pass_code

        pass_qr = self.pass_qr

        phone: None | str
        phone = self.phone

        registration_id = str(self.registration_id)

        passport_number: None | str | Unset
        if isinstance(self.passport_number, Unset):
            passport_number = UNSET
        else:
            passport_number = self.passport_number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allergens": allergens,
            "consent_version": consent_version,
            "date_of_birth_given": date_of_birth_given,
            "dietary": dietary,
            "email": email,
            "full_name": full_name,
            "letter_wanted": letter_wanted,
            "locale": locale,
            "nationality": nationality,
            "needs": needs,
            "needs_note": needs_note,
            "pass_code": pass_code,
            "pass_qr": pass_qr,
            "phone": phone,
            "registration_id": registration_id,
        })
        if passport_number is not UNSET:
            field_dict["passport_number"] = passport_number

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allergens = cast(list[str], d.pop("allergens"))


        consent_version = d.pop("consent_version")

        date_of_birth_given = d.pop("date_of_birth_given")

        dietary = cast(list[str], d.pop("dietary"))


        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))


        full_name = d.pop("full_name")

        letter_wanted = d.pop("letter_wanted")

        locale = d.pop("locale")

        nationality = d.pop("nationality")

        needs = cast(list[str], d.pop("needs"))


        needs_note = d.pop("needs_note")

        pass_code = d.pop("pass_code")

        pass_qr = d.pop("pass_qr")

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))


        registration_id = UUID(d.pop("registration_id"))




        def _parse_passport_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        passport_number = _parse_passport_number(d.pop("passport_number", UNSET))


        guest_registration = cls(
            allergens=allergens,
            consent_version=consent_version,
            date_of_birth_given=date_of_birth_given,
            dietary=dietary,
            email=email,
            full_name=full_name,
            letter_wanted=letter_wanted,
            locale=locale,
            nationality=nationality,
            needs=needs,
            needs_note=needs_note,
            pass_code=pass_code,
            pass_qr=pass_qr,
            phone=phone,
            registration_id=registration_id,
            passport_number=passport_number,
        )


        guest_registration.additional_properties = d
        return guest_registration

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
