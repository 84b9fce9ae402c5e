from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_update_locale_type_0 import AccountUpdateLocaleType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AccountUpdate")



@_attrs_define
class AccountUpdate:
    """ 
        Attributes:
            elder_mode (bool | Unset):
            locale (AccountUpdateLocaleType0 | Unset):
            name (str | Unset):
            organization (None | str | Unset):
            phone (None | str | Unset): E.164: + country code and number, e.g. +8613812345678
            time_zone (str | Unset): IANA name, e.g. Asia/Shanghai
     """

    elder_mode: bool | Unset = UNSET
    locale: AccountUpdateLocaleType0 | Unset = UNSET
    name: str | Unset = UNSET
    organization: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    time_zone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        elder_mode: bool | Unset
        if isinstance(self.elder_mode, Unset):
            elder_mode = UNSET
        else:
            elder_mode = self.elder_mode

        locale: str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale.value


        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        time_zone: str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if elder_mode is not UNSET:
            field_dict["elder_mode"] = elder_mode
        if locale is not UNSET:
            field_dict["locale"] = locale
        if name is not UNSET:
            field_dict["name"] = name
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
        def _parse_elder_mode(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        elder_mode = _parse_elder_mode(d.pop("elder_mode", UNSET))


        def _parse_locale(data: object) -> AccountUpdateLocaleType0 | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            locale_type_0 = AccountUpdateLocaleType0(data)



            return locale_type_0

        locale = _parse_locale(d.pop("locale", UNSET))


        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


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


        def _parse_time_zone(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        account_update = cls(
            elder_mode=elder_mode,
            locale=locale,
            name=name,
            organization=organization,
            phone=phone,
            time_zone=time_zone,
        )


        account_update.additional_properties = d
        return account_update

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
