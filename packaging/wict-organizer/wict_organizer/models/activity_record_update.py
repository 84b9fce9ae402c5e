from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ActivityRecordUpdate")



@_attrs_define
class ActivityRecordUpdate:
    """ 
        Attributes:
            physical_attendees (int):
            cooperation_partners (list[str] | Unset):
            follow_up_actions (list[str] | Unset):
            guest_countries (list[str] | Unset):
            media_reports (int | Unset):  Default: 0.
            online_attendees (int | Unset):  Default: 0.
     """

    physical_attendees: int
    cooperation_partners: list[str] | Unset = UNSET
    follow_up_actions: list[str] | Unset = UNSET
    guest_countries: list[str] | Unset = UNSET
    media_reports: int | Unset = 0
    online_attendees: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        physical_attendees = self.physical_attendees

        cooperation_partners: list[str] | Unset = UNSET
        if not isinstance(self.cooperation_partners, Unset):
            cooperation_partners = self.cooperation_partners



        follow_up_actions: list[str] | Unset = UNSET
        if not isinstance(self.follow_up_actions, Unset):
            follow_up_actions = self.follow_up_actions



        guest_countries: list[str] | Unset = UNSET
        if not isinstance(self.guest_countries, Unset):
            guest_countries = self.guest_countries



        media_reports = self.media_reports

        online_attendees = self.online_attendees


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "physical_attendees": physical_attendees,
        })
        if cooperation_partners is not UNSET:
            field_dict["cooperation_partners"] = cooperation_partners
        if follow_up_actions is not UNSET:
            field_dict["follow_up_actions"] = follow_up_actions
        if guest_countries is not UNSET:
            field_dict["guest_countries"] = guest_countries
        if media_reports is not UNSET:
            field_dict["media_reports"] = media_reports
        if online_attendees is not UNSET:
            field_dict["online_attendees"] = online_attendees

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        physical_attendees = d.pop("physical_attendees")

        cooperation_partners = cast(list[str], d.pop("cooperation_partners", UNSET))


        follow_up_actions = cast(list[str], d.pop("follow_up_actions", UNSET))


        guest_countries = cast(list[str], d.pop("guest_countries", UNSET))


        media_reports = d.pop("media_reports", UNSET)

        online_attendees = d.pop("online_attendees", UNSET)

        activity_record_update = cls(
            physical_attendees=physical_attendees,
            cooperation_partners=cooperation_partners,
            follow_up_actions=follow_up_actions,
            guest_countries=guest_countries,
            media_reports=media_reports,
            online_attendees=online_attendees,
        )


        activity_record_update.additional_properties = d
        return activity_record_update

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
