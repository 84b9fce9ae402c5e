from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LetterRefusal")



@_attrs_define
class LetterRefusal:
    """ 
        Attributes:
            reason_en (str):
            reason_zh (str):
     """

    reason_en: str
    reason_zh: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reason_en = self.reason_en

        reason_zh = self.reason_zh


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reason_en": reason_en,
            "reason_zh": reason_zh,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason_en = d.pop("reason_en")

        reason_zh = d.pop("reason_zh")

        letter_refusal = cls(
            reason_en=reason_en,
            reason_zh=reason_zh,
        )


        letter_refusal.additional_properties = d
        return letter_refusal

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
