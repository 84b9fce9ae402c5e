from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ClosureCreate")



@_attrs_define
class ClosureCreate:
    """ 
        Attributes:
            ends_at (datetime.datetime):
            reason (str): shown publicly
            starts_at (datetime.datetime):
            space_id (None | str | Unset):
     """

    ends_at: datetime.datetime
    reason: str
    starts_at: datetime.datetime
    space_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ends_at = self.ends_at.isoformat()

        reason = self.reason

        starts_at = self.starts_at.isoformat()

        space_id: None | str | Unset
        if isinstance(self.space_id, Unset):
            space_id = UNSET
        else:
            space_id = self.space_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ends_at": ends_at,
            "reason": reason,
            "starts_at": starts_at,
        })
        if space_id is not UNSET:
            field_dict["space_id"] = space_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        reason = d.pop("reason")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        def _parse_space_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        space_id = _parse_space_id(d.pop("space_id", UNSET))


        closure_create = cls(
            ends_at=ends_at,
            reason=reason,
            starts_at=starts_at,
            space_id=space_id,
        )


        closure_create.additional_properties = d
        return closure_create

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
