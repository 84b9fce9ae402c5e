from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.check_in_count import CheckInCount





T = TypeVar("T", bound="CheckInCounts")



@_attrs_define
class CheckInCounts:
    """ 
        Attributes:
            counts (list[CheckInCount]):
            date (datetime.date):
     """

    counts: list[CheckInCount]
    date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.check_in_count import CheckInCount # noqa: PLC0415
        counts = []
        for counts_item_data in self.counts:
            counts_item = counts_item_data.to_dict()
            counts.append(counts_item)



        date = self.date.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "counts": counts,
            "date": date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check_in_count import CheckInCount # noqa: PLC0415
        d = dict(src_dict)
        counts = []
        _counts = d.pop("counts")
        for counts_item_data in (_counts):
            counts_item = CheckInCount.from_dict(counts_item_data)



            counts.append(counts_item)


        date = datetime.date.fromisoformat(d.pop("date"))




        check_in_counts = cls(
            counts=counts,
            date=date,
        )


        check_in_counts.additional_properties = d
        return check_in_counts

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
