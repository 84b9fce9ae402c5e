from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.signup_create_locale import SignupCreateLocale
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SignupCreate")



@_attrs_define
class SignupCreate:
    """ 
        Attributes:
            email (str): e-mail address
            locale (SignupCreateLocale):
            name (str):
            password (str): 10 to 256 characters, not a common password
            time_zone (str): IANA name, e.g. Asia/Shanghai
            organization (None | str | Unset):
            phone (None | str | Unset): E.164: + country code and number, e.g. +8613812345678
     """

    email: str
    locale: SignupCreateLocale
    name: str
    password: str
    time_zone: str
    organization: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        locale = self.locale.value

        name = self.name

        password = self.password

        time_zone = self.time_zone

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


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
            "locale": locale,
            "name": name,
            "password": password,
            "time_zone": time_zone,
        })
        if organization is not UNSET:
            field_dict["organization"] = organization
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        locale = SignupCreateLocale(d.pop("locale"))




        name = d.pop("name")

        password = d.pop("password")

        time_zone = d.pop("time_zone")

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


        signup_create = cls(
            email=email,
            locale=locale,
            name=name,
            password=password,
            time_zone=time_zone,
            organization=organization,
            phone=phone,
        )


        signup_create.additional_properties = d
        return signup_create

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
