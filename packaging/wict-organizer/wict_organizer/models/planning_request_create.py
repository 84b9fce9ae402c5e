from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PlanningRequestCreate")



@_attrs_define
class PlanningRequestCreate:
    """ 
        Attributes:
            request (str):
            contact_language (None | str | Unset): BCP 47, e.g. en or zh-CN
     """

    request: str
    contact_language: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        request = self.request

        contact_language: None | str | Unset
        if isinstance(self.contact_language, Unset):
            contact_language = UNSET
        else:
            contact_language = self.contact_language


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "request": request,
        })
        if contact_language is not UNSET:
            field_dict["contact_language"] = contact_language

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        request = d.pop("request")

        def _parse_contact_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_language = _parse_contact_language(d.pop("contact_language", UNSET))


        planning_request_create = cls(
            request=request,
            contact_language=contact_language,
        )


        planning_request_create.additional_properties = d
        return planning_request_create

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
