from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.month_revenue import MonthRevenue





T = TypeVar("T", bound="RevenueReport")



@_attrs_define
class RevenueReport:
    """ 
        Attributes:
            cancellation_fees_minor (int):
            currency (str):
            ends_at (datetime.datetime):
            months (list[MonthRevenue]):
            quoted_revenue_minor (int):
            starts_at (datetime.datetime):
     """

    cancellation_fees_minor: int
    currency: str
    ends_at: datetime.datetime
    months: list[MonthRevenue]
    quoted_revenue_minor: int
    starts_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.month_revenue import MonthRevenue # noqa: PLC0415
        cancellation_fees_minor = self.cancellation_fees_minor

        currency = self.currency

        ends_at = self.ends_at.isoformat()

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)



        quoted_revenue_minor = self.quoted_revenue_minor

        starts_at = self.starts_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cancellation_fees_minor": cancellation_fees_minor,
            "currency": currency,
            "ends_at": ends_at,
            "months": months,
            "quoted_revenue_minor": quoted_revenue_minor,
            "starts_at": starts_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.month_revenue import MonthRevenue # noqa: PLC0415
        d = dict(src_dict)
        cancellation_fees_minor = d.pop("cancellation_fees_minor")

        currency = d.pop("currency")

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        months = []
        _months = d.pop("months")
        for months_item_data in (_months):
            months_item = MonthRevenue.from_dict(months_item_data)



            months.append(months_item)


        quoted_revenue_minor = d.pop("quoted_revenue_minor")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        revenue_report = cls(
            cancellation_fees_minor=cancellation_fees_minor,
            currency=currency,
            ends_at=ends_at,
            months=months,
            quoted_revenue_minor=quoted_revenue_minor,
            starts_at=starts_at,
        )


        revenue_report.additional_properties = d
        return revenue_report

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
