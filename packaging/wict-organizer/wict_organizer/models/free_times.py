from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FreeTimes")



@_attrs_define
class FreeTimes:
    """ 
        Attributes:
            ends_at (datetime.datetime):
            latest_start (datetime.datetime):
            starts_at (datetime.datetime):
     """

    ends_at: datetime.datetime
    latest_start: datetime.datetime
    starts_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ends_at = self.ends_at.isoformat()

        latest_start = self.latest_start.isoformat()

        starts_at = self.starts_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ends_at": ends_at,
            "latest_start": latest_start,
            "starts_at": starts_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        latest_start = datetime.datetime.fromisoformat(d.pop("latest_start"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        free_times = cls(
            ends_at=ends_at,
            latest_start=latest_start,
            starts_at=starts_at,
        )


        free_times.additional_properties = d
        return free_times

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
