from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.cancellation_tier import CancellationTier





T = TypeVar("T", bound="Cancellation")



@_attrs_define
class Cancellation:
    """ 
        Attributes:
            booking_id (UUID):
            cancelled_at (datetime.datetime | None):
            currency (str):
            fee_base_minor (int):
            fee_minor (int):
            fee_percent (int):
            rule (list[CancellationTier]):
            status (str):
            dry_run (bool | Unset):  Default: False.
            fee_rises_at (datetime.datetime | None | Unset):
     """

    booking_id: UUID
    cancelled_at: datetime.datetime | None
    currency: str
    fee_base_minor: int
    fee_minor: int
    fee_percent: int
    rule: list[CancellationTier]
    status: str
    dry_run: bool | Unset = False
    fee_rises_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cancellation_tier import CancellationTier # noqa: PLC0415
        booking_id = str(self.booking_id)

        cancelled_at: None | str
        if isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        currency = self.currency

        fee_base_minor = self.fee_base_minor

        fee_minor = self.fee_minor

        fee_percent = self.fee_percent

        rule = []
        for rule_item_data in self.rule:
            rule_item = rule_item_data.to_dict()
            rule.append(rule_item)



        status = self.status

        dry_run = self.dry_run

        fee_rises_at: None | str | Unset
        if isinstance(self.fee_rises_at, Unset):
            fee_rises_at = UNSET
        elif isinstance(self.fee_rises_at, datetime.datetime):
            fee_rises_at = self.fee_rises_at.isoformat()
        else:
            fee_rises_at = self.fee_rises_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "cancelled_at": cancelled_at,
            "currency": currency,
            "fee_base_minor": fee_base_minor,
            "fee_minor": fee_minor,
            "fee_percent": fee_percent,
            "rule": rule,
            "status": status,
        })
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if fee_rises_at is not UNSET:
            field_dict["fee_rises_at"] = fee_rises_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cancellation_tier import CancellationTier # noqa: PLC0415
        d = dict(src_dict)
        booking_id = UUID(d.pop("booking_id"))




        def _parse_cancelled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)



                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))


        currency = d.pop("currency")

        fee_base_minor = d.pop("fee_base_minor")

        fee_minor = d.pop("fee_minor")

        fee_percent = d.pop("fee_percent")

        rule = []
        _rule = d.pop("rule")
        for rule_item_data in (_rule):
            rule_item = CancellationTier.from_dict(rule_item_data)



            rule.append(rule_item)


        status = d.pop("status")

        dry_run = d.pop("dry_run", UNSET)

        def _parse_fee_rises_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fee_rises_at_type_0 = datetime.datetime.fromisoformat(data)



                return fee_rises_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        fee_rises_at = _parse_fee_rises_at(d.pop("fee_rises_at", UNSET))


        cancellation = cls(
            booking_id=booking_id,
            cancelled_at=cancelled_at,
            currency=currency,
            fee_base_minor=fee_base_minor,
            fee_minor=fee_minor,
            fee_percent=fee_percent,
            rule=rule,
            status=status,
            dry_run=dry_run,
            fee_rises_at=fee_rises_at,
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
