from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.catering_wanted_dietary import CateringWantedDietary





T = TypeVar("T", bound="CateringWanted")



@_attrs_define
class CateringWanted:
    """ 
        Attributes:
            headcount (int):
            menu (str): e.g. western-buffet, tea-break
            allergy_notes (str | Unset): allergies to cater for; no names Default: ''.
            dietary (CateringWantedDietary | Unset):
            serve_at (datetime.datetime | None | Unset):
     """

    headcount: int
    menu: str
    allergy_notes: str | Unset = ''
    dietary: CateringWantedDietary | Unset = UNSET
    serve_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catering_wanted_dietary import CateringWantedDietary # noqa: PLC0415
        headcount = self.headcount

        menu = self.menu

        allergy_notes = self.allergy_notes

        dietary: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dietary, Unset):
            dietary = self.dietary.to_dict()

        serve_at: None | str | Unset
        if isinstance(self.serve_at, Unset):
            serve_at = UNSET
        elif isinstance(self.serve_at, datetime.datetime):
            serve_at = self.serve_at.isoformat()
        else:
            serve_at = self.serve_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "headcount": headcount,
            "menu": menu,
        })
        if allergy_notes is not UNSET:
            field_dict["allergy_notes"] = allergy_notes
        if dietary is not UNSET:
            field_dict["dietary"] = dietary
        if serve_at is not UNSET:
            field_dict["serve_at"] = serve_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catering_wanted_dietary import CateringWantedDietary # noqa: PLC0415
        d = dict(src_dict)
        headcount = d.pop("headcount")

        menu = d.pop("menu")

        allergy_notes = d.pop("allergy_notes", UNSET)

        _dietary = d.pop("dietary", UNSET)
        dietary: CateringWantedDietary | Unset
        if isinstance(_dietary,  Unset):
            dietary = UNSET
        else:
            dietary = CateringWantedDietary.from_dict(_dietary)




        def _parse_serve_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                serve_at_type_0 = datetime.datetime.fromisoformat(data)



                return serve_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        serve_at = _parse_serve_at(d.pop("serve_at", UNSET))


        catering_wanted = cls(
            headcount=headcount,
            menu=menu,
            allergy_notes=allergy_notes,
            dietary=dietary,
            serve_at=serve_at,
        )


        catering_wanted.additional_properties = d
        return catering_wanted

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
