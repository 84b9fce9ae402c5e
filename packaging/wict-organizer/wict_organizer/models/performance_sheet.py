from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="PerformanceSheet")



@_attrs_define
class PerformanceSheet:
    """ 
        Attributes:
            cooperation_partners (int):
            countries (int):
            country_codes (list[str]):
            events_held (int):
            events_recorded (int):
            first_day (datetime.date):
            guests (int):
            last_day (datetime.date):
            media_reports (int):
            online_attendance (int):
     """

    cooperation_partners: int
    countries: int
    country_codes: list[str]
    events_held: int
    events_recorded: int
    first_day: datetime.date
    guests: int
    last_day: datetime.date
    media_reports: int
    online_attendance: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cooperation_partners = self.cooperation_partners

        countries = self.countries

        country_codes = self.country_codes



        events_held = self.events_held

        events_recorded = self.events_recorded

        first_day = self.first_day.isoformat()

        guests = self.guests

        last_day = self.last_day.isoformat()

        media_reports = self.media_reports

        online_attendance = self.online_attendance


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cooperation_partners": cooperation_partners,
            "countries": countries,
            "country_codes": country_codes,
            "events_held": events_held,
            "events_recorded": events_recorded,
            "first_day": first_day,
            "guests": guests,
            "last_day": last_day,
            "media_reports": media_reports,
            "online_attendance": online_attendance,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cooperation_partners = d.pop("cooperation_partners")

        countries = d.pop("countries")

        country_codes = cast(list[str], d.pop("country_codes"))


        events_held = d.pop("events_held")

        events_recorded = d.pop("events_recorded")

        first_day = datetime.date.fromisoformat(d.pop("first_day"))




        guests = d.pop("guests")

        last_day = datetime.date.fromisoformat(d.pop("last_day"))




        media_reports = d.pop("media_reports")

        online_attendance = d.pop("online_attendance")

        performance_sheet = cls(
            cooperation_partners=cooperation_partners,
            countries=countries,
            country_codes=country_codes,
            events_held=events_held,
            events_recorded=events_recorded,
            first_day=first_day,
            guests=guests,
            last_day=last_day,
            media_reports=media_reports,
            online_attendance=online_attendance,
        )


        performance_sheet.additional_properties = d
        return performance_sheet

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
