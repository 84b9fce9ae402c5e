from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Cancellation")



@_attrs_define
class Cancellation:
    """ 
        Attributes:
            booking_id (UUID):
            cancelled_at (datetime.datetime):
            currency (str):
            fee_base_minor (int):
            fee_minor (int):
            fee_percent (int):
            status (str):
     """

    booking_id: UUID
    cancelled_at: datetime.datetime
    currency: str
    fee_base_minor: int
    fee_minor: int
    fee_percent: int
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        cancelled_at = self.cancelled_at.isoformat()

        currency = self.currency

        fee_base_minor = self.fee_base_minor

        fee_minor = self.fee_minor

        fee_percent = self.fee_percent

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "cancelled_at": cancelled_at,
            "currency": currency,
            "fee_base_minor": fee_base_minor,
            "fee_minor": fee_minor,
            "fee_percent": fee_percent,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = UUID(d.pop("booking_id"))




        cancelled_at = datetime.datetime.fromisoformat(d.pop("cancelled_at"))




        currency = d.pop("currency")

        fee_base_minor = d.pop("fee_base_minor")

        fee_minor = d.pop("fee_minor")

        fee_percent = d.pop("fee_percent")

        status = d.pop("status")

        cancellation = cls(
            booking_id=booking_id,
            cancelled_at=cancelled_at,
            currency=currency,
            fee_base_minor=fee_base_minor,
            fee_minor=fee_minor,
            fee_percent=fee_percent,
            status=status,
        )


        cancellation.additional_properties = d
        return cancellation

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
