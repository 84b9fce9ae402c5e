from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.occurrence_cancelled import OccurrenceCancelled





T = TypeVar("T", bound="SeriesCancellation")



@_attrs_define
class SeriesCancellation:
    """ 
        Attributes:
            currency (str):
            fee_total_minor (int):
            occurrences (list[OccurrenceCancelled]):
            series_id (UUID):
            dry_run (bool | Unset):  Default: False.
     """

    currency: str
    fee_total_minor: int
    occurrences: list[OccurrenceCancelled]
    series_id: UUID
    dry_run: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.occurrence_cancelled import OccurrenceCancelled # noqa: PLC0415
        currency = self.currency

        fee_total_minor = self.fee_total_minor

        occurrences = []
        for occurrences_item_data in self.occurrences:
            occurrences_item = occurrences_item_data.to_dict()
            occurrences.append(occurrences_item)



        series_id = str(self.series_id)

        dry_run = self.dry_run


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "currency": currency,
            "fee_total_minor": fee_total_minor,
            "occurrences": occurrences,
            "series_id": series_id,
        })
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.occurrence_cancelled import OccurrenceCancelled # noqa: PLC0415
        d = dict(src_dict)
        currency = d.pop("currency")

        fee_total_minor = d.pop("fee_total_minor")

        occurrences = []
        _occurrences = d.pop("occurrences")
        for occurrences_item_data in (_occurrences):
            occurrences_item = OccurrenceCancelled.from_dict(occurrences_item_data)



            occurrences.append(occurrences_item)


        series_id = UUID(d.pop("series_id"))




        dry_run = d.pop("dry_run", UNSET)

        series_cancellation = cls(
            currency=currency,
            fee_total_minor=fee_total_minor,
            occurrences=occurrences,
            series_id=series_id,
            dry_run=dry_run,
        )


        series_cancellation.additional_properties = d
        return series_cancellation

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
