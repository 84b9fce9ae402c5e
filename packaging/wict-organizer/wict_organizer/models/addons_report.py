from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.addon_uptake import AddonUptake





T = TypeVar("T", bound="AddonsReport")



@_attrs_define
class AddonsReport:
    """ 
        Attributes:
            addons (list[AddonUptake]):
            ends_at (datetime.datetime):
            starts_at (datetime.datetime):
     """

    addons: list[AddonUptake]
    ends_at: datetime.datetime
    starts_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.addon_uptake import AddonUptake # noqa: PLC0415
        addons = []
        for addons_item_data in self.addons:
            addons_item = addons_item_data.to_dict()
            addons.append(addons_item)



        ends_at = self.ends_at.isoformat()

        starts_at = self.starts_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "addons": addons,
            "ends_at": ends_at,
            "starts_at": starts_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.addon_uptake import AddonUptake # noqa: PLC0415
        d = dict(src_dict)
        addons = []
        _addons = d.pop("addons")
        for addons_item_data in (_addons):
            addons_item = AddonUptake.from_dict(addons_item_data)



            addons.append(addons_item)


        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        addons_report = cls(
            addons=addons,
            ends_at=ends_at,
            starts_at=starts_at,
        )


        addons_report.additional_properties = d
        return addons_report

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
