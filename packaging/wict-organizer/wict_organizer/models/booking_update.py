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





T = TypeVar("T", bound="BookingUpdate")



@_attrs_define
class BookingUpdate:
    """ 
        Attributes:
            attendees (int | Unset):
            catering (CateringWanted | None | Unset):
            ends_at (datetime.datetime | Unset):
            interpreting (InterpretingWanted | None | Unset):
            layout (str | Unset):
            space_id (str | Unset):
            starts_at (datetime.datetime | Unset):
            title (str | Unset):
     """

    attendees: int | Unset = UNSET
    catering: CateringWanted | None | Unset = UNSET
    ends_at: datetime.datetime | Unset = UNSET
    interpreting: InterpretingWanted | None | Unset = UNSET
    layout: str | Unset = UNSET
    space_id: str | Unset = UNSET
    starts_at: datetime.datetime | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catering_wanted import CateringWanted # noqa: PLC0415
        from ..models.interpreting_wanted import InterpretingWanted # noqa: PLC0415
        attendees: int | Unset
        if isinstance(self.attendees, Unset):
            attendees = UNSET
        else:
            attendees = self.attendees

        catering: dict[str, Any] | None | Unset
        if isinstance(self.catering, Unset):
            catering = UNSET
        elif isinstance(self.catering, CateringWanted):
            catering = self.catering.to_dict()
        else:
            catering = self.catering

        ends_at: str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        else:
            ends_at = self.ends_at.isoformat()


        interpreting: dict[str, Any] | None | Unset
        if isinstance(self.interpreting, Unset):
            interpreting = UNSET
        elif isinstance(self.interpreting, InterpretingWanted):
            interpreting = self.interpreting.to_dict()
        else:
            interpreting = self.interpreting

        layout: str | Unset
        if isinstance(self.layout, Unset):
            layout = UNSET
        else:
            layout = self.layout

        space_id: str | Unset
        if isinstance(self.space_id, Unset):
            space_id = UNSET
        else:
            space_id = self.space_id

        starts_at: str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        else:
            starts_at = self.starts_at.isoformat()


        title: str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if catering is not UNSET:
            field_dict["catering"] = catering
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if interpreting is not UNSET:
            field_dict["interpreting"] = interpreting
        if layout is not UNSET:
            field_dict["layout"] = layout
        if space_id is not UNSET:
            field_dict["space_id"] = space_id
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catering_wanted import CateringWanted # noqa: PLC0415
        from ..models.interpreting_wanted import InterpretingWanted # noqa: PLC0415
        d = dict(src_dict)
        def _parse_attendees(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        attendees = _parse_attendees(d.pop("attendees", UNSET))


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


        def _parse_ends_at(data: object) -> datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            ends_at_type_0 = datetime.datetime.fromisoformat(data)



            return ends_at_type_0

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))


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


        def _parse_layout(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        layout = _parse_layout(d.pop("layout", UNSET))


        def _parse_space_id(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        space_id = _parse_space_id(d.pop("space_id", UNSET))


        def _parse_starts_at(data: object) -> datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            starts_at_type_0 = datetime.datetime.fromisoformat(data)



            return starts_at_type_0

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))


        def _parse_title(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        booking_update = cls(
            attendees=attendees,
            catering=catering,
            ends_at=ends_at,
            interpreting=interpreting,
            layout=layout,
            space_id=space_id,
            starts_at=starts_at,
            title=title,
        )


        booking_update.additional_properties = d
        return booking_update

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
