from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DeadLetter")



@_attrs_define
class DeadLetter:
    """ 
        Attributes:
            consumer (str):
            deliveries (int):
            id (int):
            kind (str):
            reason (str):
            stream (str):
            stream_seq (int):
            subject (str):
            time (datetime.datetime):
     """

    consumer: str
    deliveries: int
    id: int
    kind: str
    reason: str
    stream: str
    stream_seq: int
    subject: str
    time: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        consumer = self.consumer

        deliveries = self.deliveries

        id = self.id

        kind = self.kind

        reason = self.reason

        stream = self.stream

        stream_seq = self.stream_seq

        subject = self.subject

        time = self.time.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "consumer": consumer,
            "deliveries": deliveries,
            "id": id,
            "kind": kind,
            "reason": reason,
            "stream": stream,
            "stream_seq": stream_seq,
            "subject": subject,
            "time": time,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consumer = d.pop("consumer")

        deliveries = d.pop("deliveries")

        id = d.pop("id")

        kind = d.pop("kind")

        reason = d.pop("reason")

        stream = d.pop("stream")

        stream_seq = d.pop("stream_seq")

        subject = d.pop("subject")

        time = datetime.datetime.fromisoformat(d.pop("time"))




        dead_letter = cls(
            consumer=consumer,
            deliveries=deliveries,
            id=id,
            kind=kind,
            reason=reason,
            stream=stream,
            stream_seq=stream_seq,
            subject=subject,
            time=time,
        )


        dead_letter.additional_properties = d
        return dead_letter

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
