from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.window import Window





T = TypeVar("T", bound="BookingHit")



@_attrs_define
class BookingHit:
    """ 
        Attributes:
            blocked (Window):
            booking_id (UUID):
            ends_at (datetime.datetime):
            organizer_id (None | UUID):
            space_id (str):
            starts_at (datetime.datetime):
            status (str):
            title (str):
     """

    blocked: Window
    booking_id: UUID
    ends_at: datetime.datetime
    organizer_id: None | UUID
    space_id: str
    starts_at: datetime.datetime
    status: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.window import Window # noqa: PLC0415
        blocked = self.blocked.to_dict()

        booking_id = str(self.booking_id)

        ends_at = self.ends_at.isoformat()

        organizer_id: None | str
        if isinstance(self.organizer_id, UUID):
            organizer_id = str(self.organizer_id)
        else:
            organizer_id = self.organizer_id

        space_id = self.space_id

        starts_at = self.starts_at.isoformat()

        status = self.status

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "blocked": blocked,
            "booking_id": booking_id,
            "ends_at": ends_at,
            "organizer_id": organizer_id,
            "space_id": space_id,
            "starts_at": starts_at,
            "status": status,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.window import Window # noqa: PLC0415
        d = dict(src_dict)
        blocked = Window.from_dict(d.pop("blocked"))




        booking_id = UUID(d.pop("booking_id"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




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


        space_id = d.pop("space_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = d.pop("status")

        title = d.pop("title")

        booking_hit = cls(
            blocked=blocked,
            booking_id=booking_id,
            ends_at=ends_at,
            organizer_id=organizer_id,
            space_id=space_id,
            starts_at=starts_at,
            status=status,
            title=title,
        )


        booking_hit.additional_properties = d
        return booking_hit

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
