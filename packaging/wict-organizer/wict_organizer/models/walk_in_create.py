from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="WalkInCreate")



@_attrs_define
class WalkInCreate:
    """ 
        Attributes:
            booking_id (UUID):
            consent_version (str):
            full_name (str):
            locale (str): zh-CN, en, ko, fr, es, th, vi, lo, km or ms (the guest may change it)
            nationality (str): ISO 3166-1 alpha-2, e.g. AU, MY
            space_id (str): the hall the door belongs to
            email (None | str | Unset): e-mail address
            needs (list[str] | Unset):
            needs_note (str | Unset):  Default: ''.
            phone (None | str | Unset): E.164: + country code and number, e.g. +8613812345678
     """

    booking_id: UUID
    consent_version: str
    full_name: str
    locale: str
    nationality: str
    space_id: str
    email: None | str | Unset = UNSET
    needs: list[str] | Unset = UNSET
    needs_note: str | Unset = ''
    phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        consent_version = self.consent_version

        full_name = self.full_name

        locale = self.locale

        nationality = self.nationality

        space_id = self.space_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        needs: list[str] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = self.needs



        needs_note = self.needs_note

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "consent_version": consent_version,
            "full_name": full_name,
            "locale": locale,
            "nationality": nationality,
            "space_id": space_id,
        })
        if email is not UNSET:
            field_dict["email"] = email
        if needs is not UNSET:
            field_dict["needs"] = needs
        if needs_note is not UNSET:
            field_dict["needs_note"] = needs_note
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = UUID(d.pop("booking_id"))




        consent_version = d.pop("consent_version")

        full_name = d.pop("full_name")

        locale = d.pop("locale")

        nationality = d.pop("nationality")

        space_id = d.pop("space_id")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        needs = cast(list[str], d.pop("needs", UNSET))


        needs_note = d.pop("needs_note", UNSET)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        walk_in_create = cls(
            booking_id=booking_id,
            consent_version=consent_version,
            full_name=full_name,
            locale=locale,
            nationality=nationality,
            space_id=space_id,
            email=email,
            needs=needs,
            needs_note=needs_note,
            phone=phone,
        )


        walk_in_create.additional_properties = d
        return walk_in_create

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
