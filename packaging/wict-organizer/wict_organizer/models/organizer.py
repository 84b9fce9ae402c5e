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
  from ..models.organizer_counts import OrganizerCounts





T = TypeVar("T", bound="Organizer")



@_attrs_define
class Organizer:
    """ 
        Attributes:
            account_id (UUID):
            email (str):
            locale (str):
            name (str):
            role (str):
            time_zone (str):
            counts (None | OrganizerCounts | Unset):
            created_at (datetime.datetime | None | Unset):
            elder_mode (bool | Unset):  Default: False.
            organization (None | str | Unset):
            phone (None | str | Unset):
            status (str | Unset):  Default: 'active'.
     """

    account_id: UUID
    email: str
    locale: str
    name: str
    role: str
    time_zone: str
    counts: None | OrganizerCounts | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    elder_mode: bool | Unset = False
    organization: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    status: str | Unset = 'active'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.organizer_counts import OrganizerCounts # noqa: PLC0415
        account_id = str(self.account_id)

        email = self.email

        locale = self.locale

        name = self.name

        role = self.role

        time_zone = self.time_zone

        counts: dict[str, Any] | None | Unset
        if isinstance(self.counts, Unset):
            counts = UNSET
        elif isinstance(self.counts, OrganizerCounts):
            counts = self.counts.to_dict()
        else:
            counts = self.counts

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        elder_mode = self.elder_mode

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "email": email,
            "locale": locale,
            "name": name,
            "role": role,
            "time_zone": time_zone,
        })
        if counts is not UNSET:
            field_dict["counts"] = counts
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if elder_mode is not UNSET:
            field_dict["elder_mode"] = elder_mode
        if organization is not UNSET:
            field_dict["organization"] = organization
        if phone is not UNSET:
            field_dict["phone"] = phone
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organizer_counts import OrganizerCounts # noqa: PLC0415
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))




        email = d.pop("email")

        locale = d.pop("locale")

        name = d.pop("name")

        role = d.pop("role")

        time_zone = d.pop("time_zone")

        def _parse_counts(data: object) -> None | OrganizerCounts | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                counts_type_0 = OrganizerCounts.from_dict(data)



                return counts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizerCounts | Unset, data)

        counts = _parse_counts(d.pop("counts", UNSET))


        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)



                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))


        elder_mode = d.pop("elder_mode", UNSET)

        def _parse_organization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        status = d.pop("status", UNSET)

        organizer = cls(
            account_id=account_id,
            email=email,
            locale=locale,
            name=name,
            role=role,
            time_zone=time_zone,
            counts=counts,
            created_at=created_at,
            elder_mode=elder_mode,
            organization=organization,
            phone=phone,
            status=status,
        )


        organizer.additional_properties = d
        return organizer

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
