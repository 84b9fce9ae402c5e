from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SpaceMonth")



@_attrs_define
class SpaceMonth:
    """ 
        Attributes:
            hours_booked (float):
            hours_buffers (float):
            hours_open (float):
            month (str):
            space_id (str):
            utilisation (float):
     """

    hours_booked: float
    hours_buffers: float
    hours_open: float
    month: str
    space_id: str
    utilisation: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        hours_booked = self.hours_booked

        hours_buffers = self.hours_buffers

        hours_open = self.hours_open

        month = self.month

        space_id = self.space_id

        utilisation = self.utilisation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "hours_booked": hours_booked,
            "hours_buffers": hours_buffers,
            "hours_open": hours_open,
            "month": month,
            "space_id": space_id,
            "utilisation": utilisation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hours_booked = d.pop("hours_booked")

        hours_buffers = d.pop("hours_buffers")

        hours_open = d.pop("hours_open")

        month = d.pop("month")

        space_id = d.pop("space_id")

        utilisation = d.pop("utilisation")

        space_month = cls(
            hours_booked=hours_booked,
            hours_buffers=hours_buffers,
            hours_open=hours_open,
            month=month,
            space_id=space_id,
            utilisation=utilisation,
        )


        space_month.additional_properties = d
        return space_month

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
