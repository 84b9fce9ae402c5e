from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.line_availability import LineAvailability





T = TypeVar("T", bound="NetworkAvailability")



@_attrs_define
class NetworkAvailability:
    """ 
        Attributes:
            ends_at (datetime.datetime):
            free_throughout (int):
            lines (list[LineAvailability]):
            starts_at (datetime.datetime):
     """

    ends_at: datetime.datetime
    free_throughout: int
    lines: list[LineAvailability]
    starts_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.line_availability import LineAvailability # noqa: PLC0415
        ends_at = self.ends_at.isoformat()

        free_throughout = self.free_throughout

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        starts_at = self.starts_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ends_at": ends_at,
            "free_throughout": free_throughout,
            "lines": lines,
            "starts_at": starts_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_availability import LineAvailability # noqa: PLC0415
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        free_throughout = d.pop("free_throughout")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = LineAvailability.from_dict(lines_item_data)



            lines.append(lines_item)


        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        network_availability = cls(
            ends_at=ends_at,
            free_throughout=free_throughout,
            lines=lines,
            starts_at=starts_at,
        )


        network_availability.additional_properties = d
        return network_availability

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
