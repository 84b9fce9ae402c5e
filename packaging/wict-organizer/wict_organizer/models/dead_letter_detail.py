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
  from ..models.dead_letter_detail_headers import DeadLetterDetailHeaders





T = TypeVar("T", bound="DeadLetterDetail")



@_attrs_define
class DeadLetterDetail:
    """ 
        Attributes:
            booking_id (None | UUID):
            consumer (str):
            deliveries (int):
            headers (DeadLetterDetailHeaders):
            id (int):
            kind (str):
            payload (None | str):
            reason (str):
            stream (str):
            stream_seq (int):
            subject (str):
            time (datetime.datetime):
     """

    booking_id: None | UUID
    consumer: str
    deliveries: int
    headers: DeadLetterDetailHeaders
    id: int
    kind: str
    payload: None | str
    reason: str
    stream: str
    stream_seq: int
    subject: str
    time: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.dead_letter_detail_headers import DeadLetterDetailHeaders # noqa: PLC0415
        booking_id: None | str
        if isinstance(self.booking_id, UUID):
            booking_id = str(self.booking_id)
        else:
            booking_id = self.booking_id

        consumer = self.consumer

        deliveries = self.deliveries

        headers = self.headers.to_dict()

        id = self.id

        kind = self.kind

        payload: None | str
        payload = self.payload

        reason = self.reason

        stream = self.stream

        stream_seq = self.stream_seq

        subject = self.subject

        time = self.time.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "consumer": consumer,
            "deliveries": deliveries,
            "headers": headers,
            "id": id,
            "kind": kind,
            "payload": payload,
            "reason": reason,
            "stream": stream,
            "stream_seq": stream_seq,
            "subject": subject,
            "time": time,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dead_letter_detail_headers import DeadLetterDetailHeaders # noqa: PLC0415
        d = dict(src_dict)
        def _parse_booking_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booking_id_type_0 = UUID(data)



                return booking_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        booking_id = _parse_booking_id(d.pop("booking_id"))


        consumer = d.pop("consumer")

        deliveries = d.pop("deliveries")

        headers = DeadLetterDetailHeaders.from_dict(d.pop("headers"))




        id = d.pop("id")

        kind = d.pop("kind")

        def _parse_payload(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payload = _parse_payload(d.pop("payload"))


        reason = d.pop("reason")

        stream = d.pop("stream")

        stream_seq = d.pop("stream_seq")

        subject = d.pop("subject")

        time = datetime.datetime.fromisoformat(d.pop("time"))




        dead_letter_detail = cls(
            booking_id=booking_id,
            consumer=consumer,
            deliveries=deliveries,
            headers=headers,
            id=id,
            kind=kind,
            payload=payload,
            reason=reason,
            stream=stream,
            stream_seq=stream_seq,
            subject=subject,
            time=time,
        )


        dead_letter_detail.additional_properties = d
        return dead_letter_detail

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
