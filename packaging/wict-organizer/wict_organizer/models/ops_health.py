from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.service_health import ServiceHealth





T = TypeVar("T", bound="OpsHealth")



@_attrs_define
class OpsHealth:
    """ 
        Attributes:
            services (list[ServiceHealth]):
            status (str):
            dead_letters (int | None | Unset):
            nats_error (str | Unset):  Default: ''.
     """

    services: list[ServiceHealth]
    status: str
    dead_letters: int | None | Unset = UNSET
    nats_error: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.service_health import ServiceHealth # noqa: PLC0415
        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)



        status = self.status

        dead_letters: int | None | Unset
        if isinstance(self.dead_letters, Unset):
            dead_letters = UNSET
        else:
            dead_letters = self.dead_letters

        nats_error = self.nats_error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "services": services,
            "status": status,
        })
        if dead_letters is not UNSET:
            field_dict["dead_letters"] = dead_letters
        if nats_error is not UNSET:
            field_dict["nats_error"] = nats_error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_health import ServiceHealth # noqa: PLC0415
        d = dict(src_dict)
        services = []
        _services = d.pop("services")
        for services_item_data in (_services):
            services_item = ServiceHealth.from_dict(services_item_data)



            services.append(services_item)


        status = d.pop("status")

        def _parse_dead_letters(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        dead_letters = _parse_dead_letters(d.pop("dead_letters", UNSET))


        nats_error = d.pop("nats_error", UNSET)

        ops_health = cls(
            services=services,
            status=status,
            dead_letters=dead_letters,
            nats_error=nats_error,
        )


        ops_health.additional_properties = d
        return ops_health

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
