from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.guest_create import GuestCreate





T = TypeVar("T", bound="GuestListUpdate")



@_attrs_define
class GuestListUpdate:
    """ 
        Attributes:
            guests (list[GuestCreate]):
     """

    guests: list[GuestCreate]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.guest_create import GuestCreate # noqa: PLC0415
        guests = []
        for guests_item_data in self.guests:
            guests_item = guests_item_data.to_dict()
            guests.append(guests_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "guests": guests,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.guest_create import GuestCreate # noqa: PLC0415
        d = dict(src_dict)
        guests = []
        _guests = d.pop("guests")
        for guests_item_data in (_guests):
            guests_item = GuestCreate.from_dict(guests_item_data)



            guests.append(guests_item)


        guest_list_update = cls(
            guests=guests,
        )


        guest_list_update.additional_properties = d
        return guest_list_update

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
