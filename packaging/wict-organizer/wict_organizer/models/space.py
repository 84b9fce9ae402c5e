from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.layout import Layout
  from ..models.space_name import SpaceName





T = TypeVar("T", bound="Space")



@_attrs_define
class Space:
    """ 
        Attributes:
            area_m2 (int):
            combines (list[str]):
            features (list[str]):
            fixed_interpretation_booths (int):
            id (str):
            layouts (list[Layout]):
            name (SpaceName):
            requires_approval (bool):
            setup_minutes (int):
            teardown_minutes (int):
     """

    area_m2: int
    combines: list[str]
    features: list[str]
    fixed_interpretation_booths: int
    id: str
    layouts: list[Layout]
    name: SpaceName
    requires_approval: bool
    setup_minutes: int
    teardown_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.layout import Layout # noqa: PLC0415
        from ..models.space_name import SpaceName # noqa: PLC0415
        area_m2 = self.area_m2

        combines = self.combines



        features = self.features



        fixed_interpretation_booths = self.fixed_interpretation_booths

        id = self.id

        layouts = []
        for layouts_item_data in self.layouts:
            layouts_item = layouts_item_data.to_dict()
            layouts.append(layouts_item)



        name = self.name.to_dict()

        requires_approval = self.requires_approval

        setup_minutes = self.setup_minutes

        teardown_minutes = self.teardown_minutes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "area_m2": area_m2,
            "combines": combines,
            "features": features,
            "fixed_interpretation_booths": fixed_interpretation_booths,
            "id": id,
            "layouts": layouts,
            "name": name,
            "requires_approval": requires_approval,
            "setup_minutes": setup_minutes,
            "teardown_minutes": teardown_minutes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.layout import Layout # noqa: PLC0415
        from ..models.space_name import SpaceName # noqa: PLC0415
        d = dict(src_dict)
        area_m2 = d.pop("area_m2")

        combines = cast(list[str], d.pop("combines"))


        features = cast(list[str], d.pop("features"))


        fixed_interpretation_booths = d.pop("fixed_interpretation_booths")

        id = d.pop("id")

        layouts = []
        _layouts = d.pop("layouts")
        for layouts_item_data in (_layouts):
            layouts_item = Layout.from_dict(layouts_item_data)



            layouts.append(layouts_item)


        name = SpaceName.from_dict(d.pop("name"))




        requires_approval = d.pop("requires_approval")

        setup_minutes = d.pop("setup_minutes")

        teardown_minutes = d.pop("teardown_minutes")

        space = cls(
            area_m2=area_m2,
            combines=combines,
            features=features,
            fixed_interpretation_booths=fixed_interpretation_booths,
            id=id,
            layouts=layouts,
            name=name,
            requires_approval=requires_approval,
            setup_minutes=setup_minutes,
            teardown_minutes=teardown_minutes,
        )


        space.additional_properties = d
        return space

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
