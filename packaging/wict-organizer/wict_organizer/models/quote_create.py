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
  from ..models.catering_wanted import CateringWanted
  from ..models.interpreting_wanted import InterpretingWanted





T = TypeVar("T", bound="QuoteCreate")



@_attrs_define
class QuoteCreate:
    """ 
        Attributes:
            attendees (int):
            ends_at (datetime.datetime):
            layout (str):
            space_id (str):
            starts_at (datetime.datetime):
            catering (CateringWanted | None | Unset):
            interpreting (InterpretingWanted | None | Unset):
            network_lines (int | Unset):  Default: 0.
            title (None | str | Unset):
     """

    attendees: int
    ends_at: datetime.datetime
    layout: str
    space_id: str
    starts_at: datetime.datetime
    catering: CateringWanted | None | Unset = UNSET
    interpreting: InterpretingWanted | None | Unset = UNSET
    network_lines: int | Unset = 0
    title: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catering_wanted import CateringWanted # noqa: PLC0415
        from ..models.interpreting_wanted import InterpretingWanted # noqa: PLC0415
        attendees = self.attendees

        ends_at = self.ends_at.isoformat()

        layout = self.layout

        space_id = self.space_id

        starts_at = self.starts_at.isoformat()

        catering: dict[str, Any] | None | Unset
        if isinstance(self.catering, Unset):
            catering = UNSET
        elif isinstance(self.catering, CateringWanted):
            catering = self.catering.to_dict()
        else:
            catering = self.catering

        interpreting: dict[str, Any] | None | Unset
        if isinstance(self.interpreting, Unset):
            interpreting = UNSET
        elif isinstance(self.interpreting, InterpretingWanted):
            interpreting = self.interpreting.to_dict()
        else:
            interpreting = self.interpreting

        network_lines = self.network_lines

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attendees": attendees,
            "ends_at": ends_at,
            "layout": layout,
            "space_id": space_id,
            "starts_at": starts_at,
        })
        if catering is not UNSET:
            field_dict["catering"] = catering
        if interpreting is not UNSET:
            field_dict["interpreting"] = interpreting
        if network_lines is not UNSET:
            field_dict["network_lines"] = network_lines
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catering_wanted import CateringWanted # noqa: PLC0415
        from ..models.interpreting_wanted import InterpretingWanted # noqa: PLC0415
        d = dict(src_dict)
        attendees = d.pop("attendees")

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        layout = d.pop("layout")

        space_id = d.pop("space_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        def _parse_catering(data: object) -> CateringWanted | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                catering_type_0 = CateringWanted.from_dict(data)



                return catering_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CateringWanted | None | Unset, data)

        catering = _parse_catering(d.pop("catering", UNSET))


        def _parse_interpreting(data: object) -> InterpretingWanted | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                interpreting_type_0 = InterpretingWanted.from_dict(data)



                return interpreting_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InterpretingWanted | None | Unset, data)

        interpreting = _parse_interpreting(d.pop("interpreting", UNSET))


        network_lines = d.pop("network_lines", UNSET)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        quote_create = cls(
            attendees=attendees,
            ends_at=ends_at,
            layout=layout,
            space_id=space_id,
            starts_at=starts_at,
            catering=catering,
            interpreting=interpreting,
            network_lines=network_lines,
            title=title,
        )


        quote_create.additional_properties = d
        return quote_create

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
