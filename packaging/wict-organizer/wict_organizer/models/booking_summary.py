from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="BookingSummary")



@_attrs_define
class BookingSummary:
    """ 
        Attributes:
            approval_pending (bool):
            attendees (int):
            booking_id (UUID):
            created_at (datetime.datetime):
            ends_at (datetime.datetime):
            layout (str):
            organizer_id (None | UUID):
            organizer_name (str):
            series_id (None | UUID):
            space_id (str):
            starts_at (datetime.datetime):
            status (str):
            title (str):
     """

    approval_pending: bool
    attendees: int
    booking_id: UUID
    created_at: datetime.datetime
    ends_at: datetime.datetime
    layout: str
    organizer_id: None | UUID
    organizer_name: str
    series_id: None | UUID
    space_id: str
    starts_at: datetime.datetime
    status: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        approval_pending = self.approval_pending

        attendees = self.attendees

        booking_id = str(self.booking_id)

        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        layout = self.layout

        organizer_id: None | str
        if isinstance(self.organizer_id, UUID):
            organizer_id = str(self.organizer_id)
        else:
            organizer_id = self.organizer_id

        organizer_name = self.organizer_name

        series_id: None | str
        if isinstance(self.series_id, UUID):
            series_id = str(self.series_id)
        else:
            series_id = self.series_id

        space_id = self.space_id

        starts_at = self.starts_at.isoformat()

        status = self.status

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "approval_pending": approval_pending,
            "attendees": attendees,
            "booking_id": booking_id,
            "created_at": created_at,
            "ends_at": ends_at,
            "layout": layout,
            "organizer_id": organizer_id,
            "organizer_name": organizer_name,
            "series_id": series_id,
            "space_id": space_id,
            "starts_at": starts_at,
            "status": status,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approval_pending = d.pop("approval_pending")

        attendees = d.pop("attendees")

        booking_id = UUID(d.pop("booking_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        layout = d.pop("layout")

        def _parse_organizer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organizer_id_type_0 = UUID(data)



                return organizer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        organizer_id = _parse_organizer_id(d.pop("organizer_id"))


        organizer_name = d.pop("organizer_name")

        def _parse_series_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                series_id_type_0 = UUID(data)



                return series_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        series_id = _parse_series_id(d.pop("series_id"))


        space_id = d.pop("space_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = d.pop("status")

        title = d.pop("title")

        booking_summary = cls(
            approval_pending=approval_pending,
            attendees=attendees,
            booking_id=booking_id,
            created_at=created_at,
            ends_at=ends_at,
            layout=layout,
            organizer_id=organizer_id,
            organizer_name=organizer_name,
            series_id=series_id,
            space_id=space_id,
            starts_at=starts_at,
            status=status,
            title=title,
        )


        booking_summary.additional_properties = d
        return booking_summary

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
