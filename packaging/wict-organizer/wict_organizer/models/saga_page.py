from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.saga import Saga
  from ..models.saga_page_counts import SagaPageCounts





T = TypeVar("T", bound="SagaPage")



@_attrs_define
class SagaPage:
    """ 
        Attributes:
            counts (SagaPageCounts):
            sagas (list[Saga]):
     """

    counts: SagaPageCounts
    sagas: list[Saga]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.saga import Saga # noqa: PLC0415
        from ..models.saga_page_counts import SagaPageCounts # noqa: PLC0415
        counts = self.counts.to_dict()

        sagas = []
        for sagas_item_data in self.sagas:
            sagas_item = sagas_item_data.to_dict()
            sagas.append(sagas_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "counts": counts,
            "sagas": sagas,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.saga import Saga # noqa: PLC0415
        from ..models.saga_page_counts import SagaPageCounts # noqa: PLC0415
        d = dict(src_dict)
        counts = SagaPageCounts.from_dict(d.pop("counts"))




        sagas = []
        _sagas = d.pop("sagas")
        for sagas_item_data in (_sagas):
            sagas_item = Saga.from_dict(sagas_item_data)



            sagas.append(sagas_item)


        saga_page = cls(
            counts=counts,
            sagas=sagas,
        )


        saga_page.additional_properties = d
        return saga_page

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
