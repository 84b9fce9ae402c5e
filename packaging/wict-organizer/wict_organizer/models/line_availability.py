from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.window import Window





T = TypeVar("T", bound="LineAvailability")



@_attrs_define
class LineAvailability:
    """ 
        Attributes:
            bandwidth_mbps (int):
            busy (list[Window]):
            line_id (str):
     """

    bandwidth_mbps: int
    busy: list[Window]
    line_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.window import Window # noqa: PLC0415
        bandwidth_mbps = self.bandwidth_mbps

        busy = []
        for busy_item_data in self.busy:
            busy_item = busy_item_data.to_dict()
            busy.append(busy_item)



        line_id = self.line_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bandwidth_mbps": bandwidth_mbps,
            "busy": busy,
            "line_id": line_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.window import Window # noqa: PLC0415
        d = dict(src_dict)
        bandwidth_mbps = d.pop("bandwidth_mbps")

        busy = []
        _busy = d.pop("busy")
        for busy_item_data in (_busy):
            busy_item = Window.from_dict(busy_item_data)



            busy.append(busy_item)


        line_id = d.pop("line_id")

        line_availability = cls(
            bandwidth_mbps=bandwidth_mbps,
            busy=busy,
            line_id=line_id,
        )


        line_availability.additional_properties = d
        return line_availability

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
