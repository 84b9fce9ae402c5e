from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.free_window import FreeWindow
  from ..models.space_availability_name import SpaceAvailabilityName





T = TypeVar("T", bound="SpaceAvailability")



@_attrs_define
class SpaceAvailability:
    """ 
        Attributes:
            capacity (int):
            layout (str):
            layout_capacity (int):
            name (SpaceAvailabilityName):
            requires_approval (bool):
            space_id (str):
            windows (list[FreeWindow]):
     """

    capacity: int
    layout: str
    layout_capacity: int
    name: SpaceAvailabilityName
    requires_approval: bool
    space_id: str
    windows: list[FreeWindow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.free_window import FreeWindow # noqa: PLC0415
        from ..models.space_availability_name import SpaceAvailabilityName # noqa: PLC0415
        capacity = self.capacity

        layout = self.layout

        layout_capacity = self.layout_capacity

        name = self.name.to_dict()

        requires_approval = self.requires_approval

        space_id = self.space_id

        windows = []
        for windows_item_data in self.windows:
            windows_item = windows_item_data.to_dict()
            windows.append(windows_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capacity": capacity,
            "layout": layout,
            "layout_capacity": layout_capacity,
            "name": name,
            "requires_approval": requires_approval,
            "space_id": space_id,
            "windows": windows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_window import FreeWindow # noqa: PLC0415
        from ..models.space_availability_name import SpaceAvailabilityName # noqa: PLC0415
        d = dict(src_dict)
        capacity = d.pop("capacity")

        layout = d.pop("layout")

        layout_capacity = d.pop("layout_capacity")

        name = SpaceAvailabilityName.from_dict(d.pop("name"))




        requires_approval = d.pop("requires_approval")

        space_id = d.pop("space_id")

        windows = []
        _windows = d.pop("windows")
        for windows_item_data in (_windows):
            windows_item = FreeWindow.from_dict(windows_item_data)



            windows.append(windows_item)


        space_availability = cls(
            capacity=capacity,
            layout=layout,
            layout_capacity=layout_capacity,
            name=name,
            requires_approval=requires_approval,
            space_id=space_id,
            windows=windows,
        )


        space_availability.additional_properties = d
        return space_availability

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
