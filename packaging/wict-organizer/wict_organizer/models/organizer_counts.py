from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.organizer_counts_by_status import OrganizerCountsByStatus





T = TypeVar("T", bound="OrganizerCounts")



@_attrs_define
class OrganizerCounts:
    """ 
        Attributes:
            api_keys (int):
            bookings (int):
            by_status (OrganizerCountsByStatus):
            live_sessions (int):
            upcoming (int):
     """

    api_keys: int
    bookings: int
    by_status: OrganizerCountsByStatus
    live_sessions: int
    upcoming: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.organizer_counts_by_status import OrganizerCountsByStatus # noqa: PLC0415
        api_keys = self.api_keys

        bookings = self.bookings

        by_status = self.by_status.to_dict()

        live_sessions = self.live_sessions

        upcoming = self.upcoming


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "api_keys": api_keys,
            "bookings": bookings,
            "by_status": by_status,
            "live_sessions": live_sessions,
            "upcoming": upcoming,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organizer_counts_by_status import OrganizerCountsByStatus # noqa: PLC0415
        d = dict(src_dict)
        api_keys = d.pop("api_keys")

        bookings = d.pop("bookings")

        by_status = OrganizerCountsByStatus.from_dict(d.pop("by_status"))




        live_sessions = d.pop("live_sessions")

        upcoming = d.pop("upcoming")

        organizer_counts = cls(
            api_keys=api_keys,
            bookings=bookings,
            by_status=by_status,
            live_sessions=live_sessions,
            upcoming=upcoming,
        )


        organizer_counts.additional_properties = d
        return organizer_counts

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
