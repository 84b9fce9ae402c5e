from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.catering_wanted import CateringWanted
  from ..models.interpreting_wanted import InterpretingWanted





T = TypeVar("T", bound="BookingCreate")



@_attrs_define
class BookingCreate:
    """ 
        Attributes:
            attendees (int): at most the layout's net capacity: mobile interpretation booths and a buffet take floor
            ends_at (datetime.datetime): 1 hour to 14 days after starts_at. A multi-day event is one interval: the space
                stays blocked (and set up) overnight; opening hours apply to its start on the first day and its end on the last
            layout (str):
            space_id (str):
            starts_at (datetime.datetime): with a UTC offset; on the venue's 30-minute grid, within opening hours, at least
                24 hours and at most 540 days ahead
            title (str):
            catering (CateringWanted | None | Unset):
            interpreting (InterpretingWanted | None | Unset):
            network_lines (int | Unset):  Default: 0.
            on_behalf_of (None | Unset | UUID):
            public (bool | Unset): show it in the public what's on list once confirmed (title, space, times); PUT
                /bookings/{id}/public changes it later. Not for a waitlist entry. Default: False.
            quote_id (None | Unset | UUID):
     """

    attendees: int
    ends_at: datetime.datetime
    layout: str
    space_id: str
    starts_at: datetime.datetime
    title: str
    catering: CateringWanted | None | Unset = UNSET
    interpreting: InterpretingWanted | None | Unset = UNSET
    network_lines: int | Unset = 0
    on_behalf_of: None | Unset | UUID = UNSET
    public: bool | Unset = False
    quote_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catering_wanted import CateringWanted # noqa: PLC0415
        from ..models.interpreting_wanted import InterpretingWanted # noqa: PLC0415
        attendees = self.attendees

        ends_at = self.ends_at.isoformat()

        layout = self.layout

        space_id = self.space_id

        starts_at = self.starts_at.isoformat()

        title = self.title

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

        on_behalf_of: None | str | Unset
        if isinstance(self.on_behalf_of, Unset):
            on_behalf_of = UNSET
        elif isinstance(self.on_behalf_of, UUID):
            on_behalf_of = str(self.on_behalf_of)
        else:
            on_behalf_of = self.on_behalf_of

        public = self.public

        quote_id: None | str | Unset
        if isinstance(self.quote_id, Unset):
            quote_id = UNSET
        elif isinstance(self.quote_id, UUID):
            quote_id = str(self.quote_id)
        else:
            quote_id = self.quote_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attendees": attendees,
            "ends_at": ends_at,
            "layout": layout,
            "space_id": space_id,
            "starts_at": starts_at,
            "title": title,
        })
        if catering is not UNSET:
            field_dict["catering"] = catering
        if interpreting is not UNSET:
            field_dict["interpreting"] = interpreting
        if network_lines is not UNSET:
            field_dict["network_lines"] = network_lines
        if on_behalf_of is not UNSET:
            field_dict["on_behalf_of"] = on_behalf_of
        if public is not UNSET:
            field_dict["public"] = public
        if quote_id is not UNSET:
            field_dict["quote_id"] = quote_id

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




        title = d.pop("title")

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

        def _parse_on_behalf_of(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_behalf_of_type_0 = UUID(data)



                return on_behalf_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        on_behalf_of = _parse_on_behalf_of(d.pop("on_behalf_of", UNSET))


        public = d.pop("public", UNSET)

        def _parse_quote_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                quote_id_type_0 = UUID(data)



                return quote_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        quote_id = _parse_quote_id(d.pop("quote_id", UNSET))


        booking_create = cls(
            attendees=attendees,
            ends_at=ends_at,
            layout=layout,
            space_id=space_id,
            starts_at=starts_at,
            title=title,
            catering=catering,
            interpreting=interpreting,
            network_lines=network_lines,
            on_behalf_of=on_behalf_of,
            public=public,
            quote_id=quote_id,
        )


        booking_create.additional_properties = d
        return booking_create

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
