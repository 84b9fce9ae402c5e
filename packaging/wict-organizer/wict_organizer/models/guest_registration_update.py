from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="GuestRegistrationUpdate")



@_attrs_define
class GuestRegistrationUpdate:
    """ 
        Attributes:
            consent_version (str): the version of the consent text shown
            full_name (str): as in the passport's data page
            locale (str): zh-CN, en, ko, fr, es, th, vi, lo, km or ms (the guest may change it)
            nationality (str): ISO 3166-1 alpha-2, e.g. AU, MY
            allergens (list[str] | Unset):
            consent_locale (None | str | Unset): zh-CN, en, ko, fr, es, th, vi, lo, km or ms (the guest may change it)
            date_of_birth (datetime.date | None | Unset):
            dietary (list[str] | Unset):
            email (None | str | Unset): e-mail address
            letter_wanted (bool | Unset):  Default: False.
            needs (list[str] | Unset):
            needs_note (str | Unset):  Default: ''.
            passport_expires (datetime.date | None | Unset): checked against the event's end (required for a letter), not
                kept
            passport_number (None | str | Unset): 5–20 letters A–Z or digits 0–9; spaces and hyphens are ignored, letters
                upper-cased
            phone (None | str | Unset): E.164: + country code and number, e.g. +8613812345678
     """

    consent_version: str
    full_name: str
    locale: str
    nationality: str
    allergens: list[str] | Unset = UNSET
    consent_locale: None | str | Unset = UNSET
    date_of_birth: datetime.date | None | Unset = UNSET
    dietary: list[str] | Unset = UNSET
    email: None | str | Unset = UNSET
    letter_wanted: bool | Unset = False
    needs: list[str] | Unset = UNSET
    needs_note: str | Unset = ''
    passport_expires: datetime.date | None | Unset = UNSET
    passport_number: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        consent_version = self.consent_version

        full_name = self.full_name

        locale = self.locale

        nationality = self.nationality

        allergens: list[str] | Unset = UNSET
        if not isinstance(self.allergens, Unset):
            allergens = self.allergens



        consent_locale: None | str | Unset
        if isinstance(self.consent_locale, Unset):
            consent_locale = UNSET
        else:
            consent_locale = self.consent_locale

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        dietary: list[str] | Unset = UNSET
        if not isinstance(self.dietary, Unset):
            dietary = self.dietary



        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        letter_wanted = self.letter_wanted

        needs: list[str] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = self.needs



        needs_note = self.needs_note

        passport_expires: None | str | Unset
        if isinstance(self.passport_expires, Unset):
            passport_expires = UNSET
        elif isinstance(self.passport_expires, datetime.date):
            passport_expires = self.passport_expires.isoformat()
        else:
            passport_expires = self.passport_expires

        passport_number: None | str | Unset
        if isinstance(self.passport_number, Unset):
            passport_number = UNSET
        else:
            passport_number = self.passport_number

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "consent_version": consent_version,
            "full_name": full_name,
            "locale": locale,
            "nationality": nationality,
        })
        if allergens is not UNSET:
            field_dict["allergens"] = allergens
        if consent_locale is not UNSET:
            field_dict["consent_locale"] = consent_locale
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if dietary is not UNSET:
            field_dict["dietary"] = dietary
        if email is not UNSET:
            field_dict["email"] = email
        if letter_wanted is not UNSET:
            field_dict["letter_wanted"] = letter_wanted
        if needs is not UNSET:
            field_dict["needs"] = needs
        if needs_note is not UNSET:
            field_dict["needs_note"] = needs_note
        if passport_expires is not UNSET:
            field_dict["passport_expires"] = passport_expires
        if passport_number is not UNSET:
            field_dict["passport_number"] = passport_number
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consent_version = d.pop("consent_version")

        full_name = d.pop("full_name")

        locale = d.pop("locale")

        nationality = d.pop("nationality")

        allergens = cast(list[str], d.pop("allergens", UNSET))


        def _parse_consent_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_locale = _parse_consent_locale(d.pop("consent_locale", UNSET))


        def _parse_date_of_birth(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)



                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))


        dietary = cast(list[str], d.pop("dietary", UNSET))


        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        letter_wanted = d.pop("letter_wanted", UNSET)

        needs = cast(list[str], d.pop("needs", UNSET))


        needs_note = d.pop("needs_note", UNSET)

        def _parse_passport_expires(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                passport_expires_type_0 = datetime.date.fromisoformat(data)



                return passport_expires_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        passport_expires = _parse_passport_expires(d.pop("passport_expires", UNSET))


        def _parse_passport_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        passport_number = _parse_passport_number(d.pop("passport_number", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        guest_registration_update = cls(
            consent_version=consent_version,
            full_name=full_name,
            locale=locale,
            nationality=nationality,
            allergens=allergens,
            consent_locale=consent_locale,
            date_of_birth=date_of_birth,
            dietary=dietary,
            email=email,
            letter_wanted=letter_wanted,
            needs=needs,
            needs_note=needs_note,
            passport_expires=passport_expires,
            passport_number=passport_number,
            phone=phone,
        )


        guest_registration_update.additional_properties = d
        return guest_registration_update

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
