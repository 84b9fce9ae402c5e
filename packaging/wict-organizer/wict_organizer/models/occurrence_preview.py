from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="OccurrencePreview")



@_attrs_define
class OccurrencePreview:
    """ 
        Attributes:
            ends_at (datetime.datetime):
            free (bool):
            starts_at (datetime.datetime):
            conflict (None | str | Unset): what stands in the way: rule, closed, taken, network_lines
            reason (None | str | Unset):
     """

    ends_at: datetime.datetime
    free: bool
    starts_at: datetime.datetime
    conflict: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ends_at = self.ends_at.isoformat()

        free = self.free

        starts_at = self.starts_at.isoformat()

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
            "free": free,
            "starts_at": starts_at,
        })
        if conflict is not UNSET:
            field_dict["conflict"] = conflict
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        free = d.pop("free")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




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


        occurrence_preview = cls(
            ends_at=ends_at,
            free=free,
            starts_at=starts_at,
            conflict=conflict,
            reason=reason,
        )


        occurrence_preview.additional_properties = d
        return occurrence_preview

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
