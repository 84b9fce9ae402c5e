from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="InvitationSent")



@_attrs_define
class InvitationSent:
    """ 
        Attributes:
            email (str):
            invitation_id (UUID):
            locale (str):
     """

    email: str
    invitation_id: UUID
    locale: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        invitation_id = str(self.invitation_id)

        locale = self.locale


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
            "invitation_id": invitation_id,
            "locale": locale,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        invitation_id = UUID(d.pop("invitation_id"))




        locale = d.pop("locale")

        invitation_sent = cls(
            email=email,
            invitation_id=invitation_id,
            locale=locale,
        )


        invitation_sent.additional_properties = d
        return invitation_sent

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
