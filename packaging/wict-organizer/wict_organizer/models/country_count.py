from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CountryCount")



@_attrs_define
class CountryCount:
    """ 
        Attributes:
            bookings (int):
            cancelled (int):
            confirmed (int):
            country (str):
            expired (int):
            option (int):
            pending (int):
            rejected (int):
     """

    bookings: int
    cancelled: int
    confirmed: int
    country: str
    expired: int
    option: int
    pending: int
    rejected: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        bookings = self.bookings

        cancelled = self.cancelled

        confirmed = self.confirmed

        country = self.country

        expired = self.expired

        option = self.option

        pending = self.pending

        rejected = self.rejected


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bookings": bookings,
            "cancelled": cancelled,
            "confirmed": confirmed,
            "country": country,
            "expired": expired,
            "option": option,
            "pending": pending,
            "rejected": rejected,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bookings = d.pop("bookings")

        cancelled = d.pop("cancelled")

        confirmed = d.pop("confirmed")

        country = d.pop("country")

        expired = d.pop("expired")

        option = d.pop("option")

        pending = d.pop("pending")

        rejected = d.pop("rejected")

        country_count = cls(
            bookings=bookings,
            cancelled=cancelled,
            confirmed=confirmed,
            country=country,
            expired=expired,
            option=option,
            pending=pending,
            rejected=rejected,
        )


        country_count.additional_properties = d
        return country_count

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
