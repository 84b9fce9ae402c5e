from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ConsentText")



@_attrs_define
class ConsentText:
    """ 
        Attributes:
            cross_border (str): shown to guests whose nationality is not CN
            kept (str):
            locale (str): the text's locale (en where the asked one has no text yet)
            purpose (str):
            recipients (str):
            retention (str):
            rights (str):
            version (str):
     """

    cross_border: str
    kept: str
    locale: str
    purpose: str
    recipients: str
    retention: str
    rights: str
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cross_border = self.cross_border

        kept = self.kept

        locale = self.locale

        purpose = self.purpose

        recipients = self.recipients

        retention = self.retention

        rights = self.rights

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cross_border": cross_border,
            "kept": kept,
            "locale": locale,
            "purpose": purpose,
            "recipients": recipients,
            "retention": retention,
            "rights": rights,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cross_border = d.pop("cross_border")

        kept = d.pop("kept")

        locale = d.pop("locale")

        purpose = d.pop("purpose")

        recipients = d.pop("recipients")

        retention = d.pop("retention")

        rights = d.pop("rights")

        version = d.pop("version")

        consent_text = cls(
            cross_border=cross_border,
            kept=kept,
            locale=locale,
            purpose=purpose,
            recipients=recipients,
            retention=retention,
            rights=rights,
            version=version,
        )


        consent_text.additional_properties = d
        return consent_text

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
