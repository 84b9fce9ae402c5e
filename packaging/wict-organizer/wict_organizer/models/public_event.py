from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.public_event_space_name import PublicEventSpaceName
  from ..models.window import Window





T = TypeVar("T", bound="PublicEvent")



@_attrs_define
class PublicEvent:
    """ 
        Attributes:
            ends_at (datetime.datetime):
            local (Window):
            space_id (str):
            space_name (PublicEventSpaceName):
            starts_at (datetime.datetime):
            title (str):
     """

    ends_at: datetime.datetime
    local: Window
    space_id: str
    space_name: PublicEventSpaceName
    starts_at: datetime.datetime
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.public_event_space_name import PublicEventSpaceName # noqa: PLC0415
        from ..models.window import Window # noqa: PLC0415
        ends_at = self.ends_at.isoformat()

        local = self.local.to_dict()

        space_id = self.space_id

        space_name = self.space_name.to_dict()

        starts_at = self.starts_at.isoformat()

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ends_at": ends_at,
            "local": local,
            "space_id": space_id,
            "space_name": space_name,
            "starts_at": starts_at,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_event_space_name import PublicEventSpaceName # noqa: PLC0415
        from ..models.window import Window # noqa: PLC0415
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        local = Window.from_dict(d.pop("local"))




        space_id = d.pop("space_id")

        space_name = PublicEventSpaceName.from_dict(d.pop("space_name"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        title = d.pop("title")

        public_event = cls(
            ends_at=ends_at,
            local=local,
            space_id=space_id,
            space_name=space_name,
            starts_at=starts_at,
            title=title,
        )


        public_event.additional_properties = d
        return public_event

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
