from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.availability_time_zones import AvailabilityTimeZones
  from ..models.space_availability import SpaceAvailability
  from ..models.window import Window





T = TypeVar("T", bound="Availability")



@_attrs_define
class Availability:
    """ 
        Attributes:
            attendees (int):
            duration_minutes (int):
            layout (str):
            period (Window):
            spaces (list[SpaceAvailability]):
            time_zones (AvailabilityTimeZones):
     """

    attendees: int
    duration_minutes: int
    layout: str
    period: Window
    spaces: list[SpaceAvailability]
    time_zones: AvailabilityTimeZones
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.availability_time_zones import AvailabilityTimeZones # noqa: PLC0415
        from ..models.space_availability import SpaceAvailability # noqa: PLC0415
        from ..models.window import Window # noqa: PLC0415
        attendees = self.attendees

        duration_minutes = self.duration_minutes

        layout = self.layout

        period = self.period.to_dict()

        spaces = []
        for spaces_item_data in self.spaces:
            spaces_item = spaces_item_data.to_dict()
            spaces.append(spaces_item)



        time_zones = self.time_zones.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attendees": attendees,
            "duration_minutes": duration_minutes,
            "layout": layout,
            "period": period,
            "spaces": spaces,
            "time_zones": time_zones,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.availability_time_zones import AvailabilityTimeZones # noqa: PLC0415
        from ..models.space_availability import SpaceAvailability # noqa: PLC0415
        from ..models.window import Window # noqa: PLC0415
        d = dict(src_dict)
        attendees = d.pop("attendees")

        duration_minutes = d.pop("duration_minutes")

        layout = d.pop("layout")

        period = Window.from_dict(d.pop("period"))




        spaces = []
        _spaces = d.pop("spaces")
        for spaces_item_data in (_spaces):
            spaces_item = SpaceAvailability.from_dict(spaces_item_data)



            spaces.append(spaces_item)


        time_zones = AvailabilityTimeZones.from_dict(d.pop("time_zones"))




        availability = cls(
            attendees=attendees,
            duration_minutes=duration_minutes,
            layout=layout,
            period=period,
            spaces=spaces,
            time_zones=time_zones,
        )


        availability.additional_properties = d
        return availability

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
