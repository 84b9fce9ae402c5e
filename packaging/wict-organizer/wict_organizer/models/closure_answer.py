from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.booking_hit import BookingHit
  from ..models.closure import Closure





T = TypeVar("T", bound="ClosureAnswer")



@_attrs_define
class ClosureAnswer:
    """ 
        Attributes:
            closure (Closure | None):
            dry_run (bool):
            hits (list[BookingHit]):
            units (list[str]):
     """

    closure: Closure | None
    dry_run: bool
    hits: list[BookingHit]
    units: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.booking_hit import BookingHit # noqa: PLC0415
        from ..models.closure import Closure # noqa: PLC0415
        closure: dict[str, Any] | None
        if isinstance(self.closure, Closure):
            closure = self.closure.to_dict()
        else:
            closure = self.closure

        dry_run = self.dry_run

        hits = []
        for hits_item_data in self.hits:
            hits_item = hits_item_data.to_dict()
            hits.append(hits_item)



        units = self.units




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "closure": closure,
            "dry_run": dry_run,
            "hits": hits,
            "units": units,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booking_hit import BookingHit # noqa: PLC0415
        from ..models.closure import Closure # noqa: PLC0415
        d = dict(src_dict)
        def _parse_closure(data: object) -> Closure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                closure_type_0 = Closure.from_dict(data)



                return closure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Closure | None, data)

        closure = _parse_closure(d.pop("closure"))


        dry_run = d.pop("dry_run")

        hits = []
        _hits = d.pop("hits")
        for hits_item_data in (_hits):
            hits_item = BookingHit.from_dict(hits_item_data)



            hits.append(hits_item)


        units = cast(list[str], d.pop("units"))


        closure_answer = cls(
            closure=closure,
            dry_run=dry_run,
            hits=hits,
            units=units,
        )


        closure_answer.additional_properties = d
        return closure_answer

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
