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






T = TypeVar("T", bound="SeriesOccurrence")



@_attrs_define
class SeriesOccurrence:
    """ 
        Attributes:
            ends_at (datetime.datetime):
            position (int):
            recurrence_id (datetime.datetime): the rule's start for it (RECURRENCE-ID)
            starts_at (datetime.datetime):
            status (str):
            booking_id (None | Unset | UUID):
            conflict (None | str | Unset): what stands in the way: rule, closed, taken, network_lines
            reason (None | str | Unset):
     """

    ends_at: datetime.datetime
    position: int
    recurrence_id: datetime.datetime
    starts_at: datetime.datetime
    status: str
    booking_id: None | Unset | UUID = UNSET
    conflict: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ends_at = self.ends_at.isoformat()

        position = self.position

        recurrence_id = self.recurrence_id.isoformat()

        starts_at = self.starts_at.isoformat()

        status = self.status

        booking_id: None | str | Unset
        if isinstance(self.booking_id, Unset):
            booking_id = UNSET
        elif isinstance(self.booking_id, UUID):
            booking_id = str(self.booking_id)
        else:
            booking_id = self.booking_id

        conflict: None | str | Unset
        if isinstance(self.conflict, Unset):
            conflict = UNSET
        else:
            conflict = self.conflict

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ends_at": ends_at,
            "position": position,
            "recurrence_id": recurrence_id,
            "starts_at": starts_at,
            "status": status,
        })
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id
        if conflict is not UNSET:
            field_dict["conflict"] = conflict
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        position = d.pop("position")

        recurrence_id = datetime.datetime.fromisoformat(d.pop("recurrence_id"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = d.pop("status")

        def _parse_booking_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booking_id_type_0 = UUID(data)



                return booking_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        booking_id = _parse_booking_id(d.pop("booking_id", UNSET))


        def _parse_conflict(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conflict = _parse_conflict(d.pop("conflict", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        series_occurrence = cls(
            ends_at=ends_at,
            position=position,
            recurrence_id=recurrence_id,
            starts_at=starts_at,
            status=status,
            booking_id=booking_id,
            conflict=conflict,
            reason=reason,
        )


        series_occurrence.additional_properties = d
        return series_occurrence

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
