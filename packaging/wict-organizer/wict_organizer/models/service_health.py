from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.consumer_lag import ConsumerLag
  from ..models.service_health_checks import ServiceHealthChecks





T = TypeVar("T", bound="ServiceHealth")



@_attrs_define
class ServiceHealth:
    """ 
        Attributes:
            ready (bool):
            service (str):
            url (str):
            checks (ServiceHealthChecks | Unset):
            consumers (list[ConsumerLag] | Unset):
            error (str | Unset):  Default: ''.
            pending (int | Unset):  Default: 0.
     """

    ready: bool
    service: str
    url: str
    checks: ServiceHealthChecks | Unset = UNSET
    consumers: list[ConsumerLag] | Unset = UNSET
    error: str | Unset = ''
    pending: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.consumer_lag import ConsumerLag # noqa: PLC0415
        from ..models.service_health_checks import ServiceHealthChecks # noqa: PLC0415
        ready = self.ready

        service = self.service

        url = self.url

        checks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = self.checks.to_dict()

        consumers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.consumers, Unset):
            consumers = []
            for consumers_item_data in self.consumers:
                consumers_item = consumers_item_data.to_dict()
                consumers.append(consumers_item)



        error = self.error

        pending = self.pending


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ready": ready,
            "service": service,
            "url": url,
        })
        if checks is not UNSET:
            field_dict["checks"] = checks
        if consumers is not UNSET:
            field_dict["consumers"] = consumers
        if error is not UNSET:
            field_dict["error"] = error
        if pending is not UNSET:
            field_dict["pending"] = pending

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consumer_lag import ConsumerLag # noqa: PLC0415
        from ..models.service_health_checks import ServiceHealthChecks # noqa: PLC0415
        d = dict(src_dict)
        ready = d.pop("ready")

        service = d.pop("service")

        url = d.pop("url")

        _checks = d.pop("checks", UNSET)
        checks: ServiceHealthChecks | Unset
        if isinstance(_checks,  Unset):
            checks = UNSET
        else:
            checks = ServiceHealthChecks.from_dict(_checks)




        _consumers = d.pop("consumers", UNSET)
        consumers: list[ConsumerLag] | Unset = UNSET
        if _consumers is not UNSET:
            consumers = []
            for consumers_item_data in _consumers:
                consumers_item = ConsumerLag.from_dict(consumers_item_data)



                consumers.append(consumers_item)


        error = d.pop("error", UNSET)

        pending = d.pop("pending", UNSET)

        service_health = cls(
            ready=ready,
            service=service,
            url=url,
            checks=checks,
            consumers=consumers,
            error=error,
            pending=pending,
        )


        service_health.additional_properties = d
        return service_health

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
