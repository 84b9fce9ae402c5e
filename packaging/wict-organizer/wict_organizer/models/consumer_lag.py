from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ConsumerLag")



@_attrs_define
class ConsumerLag:
    """ 
        Attributes:
            bound (bool):
            durable (str):
            num_ack_pending (int):
            num_pending (int):
            num_redelivered (int):
            stream (str):
     """

    bound: bool
    durable: str
    num_ack_pending: int
    num_pending: int
    num_redelivered: int
    stream: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        bound = self.bound

        durable = self.durable

        num_ack_pending = self.num_ack_pending

        num_pending = self.num_pending

        num_redelivered = self.num_redelivered

        stream = self.stream


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bound": bound,
            "durable": durable,
            "num_ack_pending": num_ack_pending,
            "num_pending": num_pending,
            "num_redelivered": num_redelivered,
            "stream": stream,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bound = d.pop("bound")

        durable = d.pop("durable")

        num_ack_pending = d.pop("num_ack_pending")

        num_pending = d.pop("num_pending")

        num_redelivered = d.pop("num_redelivered")

        stream = d.pop("stream")

        consumer_lag = cls(
            bound=bound,
            durable=durable,
            num_ack_pending=num_ack_pending,
            num_pending=num_pending,
            num_redelivered=num_redelivered,
            stream=stream,
        )


        consumer_lag.additional_properties = d
        return consumer_lag

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
