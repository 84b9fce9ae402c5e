from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.country_count import CountryCount
  from ..models.status_count import StatusCount





T = TypeVar("T", bound="BookingsReport")



@_attrs_define
class BookingsReport:
    """ 
        Attributes:
            by_country (list[CountryCount]):
            by_status (list[StatusCount]):
            ends_at (datetime.datetime):
            starts_at (datetime.datetime):
     """

    by_country: list[CountryCount]
    by_status: list[StatusCount]
    ends_at: datetime.datetime
    starts_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.country_count import CountryCount # noqa: PLC0415
        from ..models.status_count import StatusCount # noqa: PLC0415
        by_country = []
        for by_country_item_data in self.by_country:
            by_country_item = by_country_item_data.to_dict()
            by_country.append(by_country_item)



        by_status = []
        for by_status_item_data in self.by_status:
            by_status_item = by_status_item_data.to_dict()
            by_status.append(by_status_item)



        ends_at = self.ends_at.isoformat()

        starts_at = self.starts_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_country": by_country,
            "by_status": by_status,
            "ends_at": ends_at,
            "starts_at": starts_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.country_count import CountryCount # noqa: PLC0415
        from ..models.status_count import StatusCount # noqa: PLC0415
        d = dict(src_dict)
        by_country = []
        _by_country = d.pop("by_country")
        for by_country_item_data in (_by_country):
            by_country_item = CountryCount.from_dict(by_country_item_data)



            by_country.append(by_country_item)


        by_status = []
        _by_status = d.pop("by_status")
        for by_status_item_data in (_by_status):
            by_status_item = StatusCount.from_dict(by_status_item_data)



            by_status.append(by_status_item)


        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        bookings_report = cls(
            by_country=by_country,
            by_status=by_status,
            ends_at=ends_at,
            starts_at=starts_at,
        )


        bookings_report.additional_properties = d
        return bookings_report

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
