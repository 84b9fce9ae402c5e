from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="MonthRevenue")



@_attrs_define
class MonthRevenue:
    """ 
        Attributes:
            cancellation_fees_minor (int):
            cancellations (int):
            confirmed (int):
            month (str):
            quoted_revenue_minor (int):
     """

    cancellation_fees_minor: int
    cancellations: int
    confirmed: int
    month: str
    quoted_revenue_minor: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cancellation_fees_minor = self.cancellation_fees_minor

        cancellations = self.cancellations

        confirmed = self.confirmed

        month = self.month

        quoted_revenue_minor = self.quoted_revenue_minor


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cancellation_fees_minor": cancellation_fees_minor,
            "cancellations": cancellations,
            "confirmed": confirmed,
            "month": month,
            "quoted_revenue_minor": quoted_revenue_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancellation_fees_minor = d.pop("cancellation_fees_minor")

        cancellations = d.pop("cancellations")

        confirmed = d.pop("confirmed")

        month = d.pop("month")

        quoted_revenue_minor = d.pop("quoted_revenue_minor")

        month_revenue = cls(
            cancellation_fees_minor=cancellation_fees_minor,
            cancellations=cancellations,
            confirmed=confirmed,
            month=month,
            quoted_revenue_minor=quoted_revenue_minor,
        )


        month_revenue.additional_properties = d
        return month_revenue

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
