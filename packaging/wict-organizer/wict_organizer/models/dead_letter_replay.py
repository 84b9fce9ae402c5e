from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DeadLetterReplay")



@_attrs_define
class DeadLetterReplay:
    """ 
        Attributes:
            dead_letter (int):
            duplicate (bool):
            message_id (str):
            sequence (int):
            stream (str):
     """

    dead_letter: int
    duplicate: bool
    message_id: str
    sequence: int
    stream: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        dead_letter = self.dead_letter

        duplicate = self.duplicate

        message_id = self.message_id

        sequence = self.sequence

        stream = self.stream


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "dead_letter": dead_letter,
            "duplicate": duplicate,
            "message_id": message_id,
            "sequence": sequence,
            "stream": stream,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dead_letter = d.pop("dead_letter")

        duplicate = d.pop("duplicate")

        message_id = d.pop("message_id")

        sequence = d.pop("sequence")

        stream = d.pop("stream")

        dead_letter_replay = cls(
            dead_letter=dead_letter,
            duplicate=duplicate,
            message_id=message_id,
            sequence=sequence,
            stream=stream,
        )


        dead_letter_replay.additional_properties = d
        return dead_letter_replay

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
