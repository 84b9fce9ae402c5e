from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.series_mode import SeriesMode
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.series_occurrence import SeriesOccurrence





T = TypeVar("T", bound="Series")



@_attrs_define
class Series:
    """ 
        Attributes:
            calendar (str):
            created_at (datetime.datetime):
            mode (SeriesMode):
            occurrences (list[SeriesOccurrence]):
            organizer_id (UUID):
            rrule (str):
            series_id (UUID):
            space_id (str):
            time_zone (str):
            title (str):
     """

    calendar: str
    created_at: datetime.datetime
    mode: SeriesMode
    occurrences: list[SeriesOccurrence]
    organizer_id: UUID
    rrule: str
    series_id: UUID
    space_id: str
    time_zone: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.series_occurrence import SeriesOccurrence # noqa: PLC0415
        calendar = self.calendar

        created_at = self.created_at.isoformat()

        mode = self.mode.value

        occurrences = []
        for occurrences_item_data in self.occurrences:
            occurrences_item = occurrences_item_data.to_dict()
            occurrences.append(occurrences_item)



        organizer_id = str(self.organizer_id)

        rrule = self.rrule

        series_id = str(self.series_id)

        space_id = self.space_id

        time_zone = self.time_zone

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "calendar": calendar,
            "created_at": created_at,
            "mode": mode,
            "occurrences": occurrences,
            "organizer_id": organizer_id,
            "rrule": rrule,
            "series_id": series_id,
            "space_id": space_id,
            "time_zone": time_zone,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.series_occurrence import SeriesOccurrence # noqa: PLC0415
        d = dict(src_dict)
        calendar = d.pop("calendar")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        mode = SeriesMode(d.pop("mode"))




        occurrences = []
        _occurrences = d.pop("occurrences")
        for occurrences_item_data in (_occurrences):
            occurrences_item = SeriesOccurrence.from_dict(occurrences_item_data)



            occurrences.append(occurrences_item)


        organizer_id = UUID(d.pop("organizer_id"))




        rrule = d.pop("rrule")

        series_id = UUID(d.pop("series_id"))




        space_id = d.pop("space_id")

        time_zone = d.pop("time_zone")

        title = d.pop("title")

        series = cls(
            calendar=calendar,
            created_at=created_at,
            mode=mode,
            occurrences=occurrences,
            organizer_id=organizer_id,
            rrule=rrule,
            series_id=series_id,
            space_id=space_id,
            time_zone=time_zone,
            title=title,
        )


        series.additional_properties = d
        return series

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
