from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OrganizerCreate")



@_attrs_define
class OrganizerCreate:
    """ 
        Attributes:
            email (str): e-mail address
            name (str):
            country (None | str | Unset): ISO 3166-1 alpha-2, e.g. AU, MY
            locale (str | Unset): BCP 47, e.g. en or zh-CN Default: 'en'.
            organization (None | str | Unset):
            phone (None | str | Unset): E.164: + country code and number, e.g. +8613812345678
            time_zone (str | Unset): IANA name, e.g. Asia/Shanghai Default: 'Asia/Shanghai'.
     """

    email: str
    name: str
    country: None | str | Unset = UNSET
    locale: str | Unset = 'en'
    organization: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    time_zone: str | Unset = 'Asia/Shanghai'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        locale = self.locale

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        time_zone = self.time_zone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
            "name": name,
        })
        if country is not UNSET:
            field_dict["country"] = country
        if locale is not UNSET:
            field_dict["locale"] = locale
        if organization is not UNSET:
            field_dict["organization"] = organization
        if phone is not UNSET:
            field_dict["phone"] = phone
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))


        locale = d.pop("locale", UNSET)

        def _parse_organization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        time_zone = d.pop("time_zone", UNSET)

        organizer_create = cls(
            email=email,
            name=name,
            country=country,
            locale=locale,
            organization=organization,
            phone=phone,
            time_zone=time_zone,
        )


        organizer_create.additional_properties = d
        return organizer_create

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
