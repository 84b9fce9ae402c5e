from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.occurrence_preview import OccurrencePreview





T = TypeVar("T", bound="SeriesPreview")



@_attrs_define
class SeriesPreview:
    """ 
        Attributes:
            occurrences (list[OccurrencePreview]):
            rrule (str):
     """

    occurrences: list[OccurrencePreview]
    rrule: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.occurrence_preview import OccurrencePreview # noqa: PLC0415
        occurrences = []
        for occurrences_item_data in self.occurrences:
            occurrences_item = occurrences_item_data.to_dict()
            occurrences.append(occurrences_item)



        rrule = self.rrule


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "occurrences": occurrences,
            "rrule": rrule,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.occurrence_preview import OccurrencePreview # noqa: PLC0415
        d = dict(src_dict)
        occurrences = []
        _occurrences = d.pop("occurrences")
        for occurrences_item_data in (_occurrences):
            occurrences_item = OccurrencePreview.from_dict(occurrences_item_data)



            occurrences.append(occurrences_item)


        rrule = d.pop("rrule")

        series_preview = cls(
            occurrences=occurrences,
            rrule=rrule,
        )


        series_preview.additional_properties = d
        return series_preview

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
