from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="LetterIssued")



@_attrs_define
class LetterIssued:
    """ 
        Attributes:
            code (str): the verification code (XXXXX-XXXXX), printed on the letter
            letter_id (UUID):
            number (str):
            status (str | Unset):  Default: 'issued'.
     """

    code: str
    letter_id: UUID
    number: str
    status: str | Unset = 'issued'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        letter_id = str(self.letter_id)

        number = self.number

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "letter_id": letter_id,
            "number": number,
        })
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        letter_id = UUID(d.pop("letter_id"))




        number = d.pop("number")

        status = d.pop("status", UNSET)

        letter_issued = cls(
            code=code,
            letter_id=letter_id,
            number=number,
            status=status,
        )


        letter_issued.additional_properties = d
        return letter_issued

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
