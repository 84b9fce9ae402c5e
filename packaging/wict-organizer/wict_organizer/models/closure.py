from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.closure_local import ClosureLocal





T = TypeVar("T", bound="Closure")



@_attrs_define
class Closure:
    """ 
        Attributes:
            closure_id (UUID):
            ends_at (datetime.datetime):
            local (ClosureLocal):
            reason (str):
            space_id (None | str):
            starts_at (datetime.datetime):
     """

    closure_id: UUID
    ends_at: datetime.datetime
    local: ClosureLocal
    reason: str
    space_id: None | str
    starts_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.closure_local import ClosureLocal # noqa: PLC0415
        closure_id = str(self.closure_id)

        ends_at = self.ends_at.isoformat()

        local = self.local.to_dict()

        reason = self.reason

        space_id: None | str
        space_id = self.space_id

        starts_at = self.starts_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "closure_id": closure_id,
            "ends_at": ends_at,
            "local": local,
            "reason": reason,
            "space_id": space_id,
            "starts_at": starts_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.closure_local import ClosureLocal # noqa: PLC0415
        d = dict(src_dict)
        closure_id = UUID(d.pop("closure_id"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        local = ClosureLocal.from_dict(d.pop("local"))




        reason = d.pop("reason")

        def _parse_space_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        space_id = _parse_space_id(d.pop("space_id"))


        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        closure = cls(
            closure_id=closure_id,
            ends_at=ends_at,
            local=local,
            reason=reason,
            space_id=space_id,
            starts_at=starts_at,
        )


        closure.additional_properties = d
        return closure

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
