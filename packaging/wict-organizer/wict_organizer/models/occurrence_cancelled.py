from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.occurrence_cancelled_status import OccurrenceCancelledStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="OccurrenceCancelled")



@_attrs_define
class OccurrenceCancelled:
    """ 
        Attributes:
            booking_id (UUID):
            starts_at (datetime.datetime):
            status (OccurrenceCancelledStatus):
            fee_minor (int | None | Unset):
            fee_percent (int | None | Unset):
            fee_rises_at (datetime.datetime | None | Unset):
            reason (None | str | Unset):
     """

    booking_id: UUID
    starts_at: datetime.datetime
    status: OccurrenceCancelledStatus
    fee_minor: int | None | Unset = UNSET
    fee_percent: int | None | Unset = UNSET
    fee_rises_at: datetime.datetime | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        starts_at = self.starts_at.isoformat()

        status = self.status.value

        fee_minor: int | None | Unset
        if isinstance(self.fee_minor, Unset):
            fee_minor = UNSET
        else:
            fee_minor = self.fee_minor

        fee_percent: int | None | Unset
        if isinstance(self.fee_percent, Unset):
            fee_percent = UNSET
        else:
            fee_percent = self.fee_percent

        fee_rises_at: None | str | Unset
        if isinstance(self.fee_rises_at, Unset):
            fee_rises_at = UNSET
        elif isinstance(self.fee_rises_at, datetime.datetime):
            fee_rises_at = self.fee_rises_at.isoformat()
        else:
            fee_rises_at = self.fee_rises_at

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "starts_at": starts_at,
            "status": status,
        })
        if fee_minor is not UNSET:
            field_dict["fee_minor"] = fee_minor
        if fee_percent is not UNSET:
            field_dict["fee_percent"] = fee_percent
        if fee_rises_at is not UNSET:
            field_dict["fee_rises_at"] = fee_rises_at
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = UUID(d.pop("booking_id"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = OccurrenceCancelledStatus(d.pop("status"))




        def _parse_fee_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fee_minor = _parse_fee_minor(d.pop("fee_minor", UNSET))


        def _parse_fee_percent(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fee_percent = _parse_fee_percent(d.pop("fee_percent", UNSET))


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


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        occurrence_cancelled = cls(
            booking_id=booking_id,
            starts_at=starts_at,
            status=status,
            fee_minor=fee_minor,
            fee_percent=fee_percent,
            fee_rises_at=fee_rises_at,
            reason=reason,
        )


        occurrence_cancelled.additional_properties = d
        return occurrence_cancelled

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
