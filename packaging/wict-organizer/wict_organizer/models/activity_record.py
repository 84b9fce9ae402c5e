from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ActivityRecord")



@_attrs_define
class ActivityRecord:
    """ 
        Attributes:
            booking_id (UUID):
            cooperation_partners (list[str]):
            created_at (datetime.datetime):
            follow_up_actions (list[str]):
            guest_countries (list[str]):
            media_reports (int):
            online_attendees (int):
            physical_attendees (int):
            recorded_by (str):
            updated_at (datetime.datetime):
     """

    booking_id: UUID
    cooperation_partners: list[str]
    created_at: datetime.datetime
    follow_up_actions: list[str]
    guest_countries: list[str]
    media_reports: int
    online_attendees: int
    physical_attendees: int
    recorded_by: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        cooperation_partners = self.cooperation_partners



        created_at = self.created_at.isoformat()

        follow_up_actions = self.follow_up_actions



        guest_countries = self.guest_countries



        media_reports = self.media_reports

        online_attendees = self.online_attendees

        physical_attendees = self.physical_attendees

        recorded_by = self.recorded_by

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "cooperation_partners": cooperation_partners,
            "created_at": created_at,
            "follow_up_actions": follow_up_actions,
            "guest_countries": guest_countries,
            "media_reports": media_reports,
            "online_attendees": online_attendees,
            "physical_attendees": physical_attendees,
            "recorded_by": recorded_by,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = UUID(d.pop("booking_id"))




        cooperation_partners = cast(list[str], d.pop("cooperation_partners"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        follow_up_actions = cast(list[str], d.pop("follow_up_actions"))


        guest_countries = cast(list[str], d.pop("guest_countries"))


        media_reports = d.pop("media_reports")

        online_attendees = d.pop("online_attendees")

        physical_attendees = d.pop("physical_attendees")

        recorded_by = d.pop("recorded_by")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        activity_record = cls(
            booking_id=booking_id,
            cooperation_partners=cooperation_partners,
            created_at=created_at,
            follow_up_actions=follow_up_actions,
            guest_countries=guest_countries,
            media_reports=media_reports,
            online_attendees=online_attendees,
            physical_attendees=physical_attendees,
            recorded_by=recorded_by,
            updated_at=updated_at,
        )


        activity_record.additional_properties = d
        return activity_record

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
