from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.free_window_local import FreeWindowLocal





T = TypeVar("T", bound="FreeWindow")



@_attrs_define
class FreeWindow:
    """ 
        Attributes:
            ends_at (datetime.datetime):
            latest_start (datetime.datetime):
            local (FreeWindowLocal):
            starts_at (datetime.datetime):
     """

    ends_at: datetime.datetime
    latest_start: datetime.datetime
    local: FreeWindowLocal
    starts_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.free_window_local import FreeWindowLocal # noqa: PLC0415
        ends_at = self.ends_at.isoformat()

        latest_start = self.latest_start.isoformat()

        local = self.local.to_dict()

        starts_at = self.starts_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ends_at": ends_at,
            "latest_start": latest_start,
            "local": local,
            "starts_at": starts_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_window_local import FreeWindowLocal # noqa: PLC0415
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        latest_start = datetime.datetime.fromisoformat(d.pop("latest_start"))




        local = FreeWindowLocal.from_dict(d.pop("local"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        free_window = cls(
            ends_at=ends_at,
            latest_start=latest_start,
            local=local,
            starts_at=starts_at,
        )


        free_window.additional_properties = d
        return free_window

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
