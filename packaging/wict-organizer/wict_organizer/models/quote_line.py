from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quote_line_code import QuoteLineCode
from typing import cast

if TYPE_CHECKING:
  from ..models.quote_line_params import QuoteLineParams





T = TypeVar("T", bound="QuoteLine")



@_attrs_define
class QuoteLine:
    """ 
        Attributes:
            amount_minor (int):
            code (QuoteLineCode):
            description (str):
            item (str):
            params (QuoteLineParams):
            quantity (int):
            unit (str):
            unit_price_minor (int):
     """

    amount_minor: int
    code: QuoteLineCode
    description: str
    item: str
    params: QuoteLineParams
    quantity: int
    unit: str
    unit_price_minor: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.quote_line_params import QuoteLineParams # noqa: PLC0415
        amount_minor = self.amount_minor

        code = self.code.value

        description = self.description

        item = self.item

        params = self.params.to_dict()

        quantity = self.quantity

        unit = self.unit

        unit_price_minor = self.unit_price_minor


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount_minor": amount_minor,
            "code": code,
            "description": description,
            "item": item,
            "params": params,
            "quantity": quantity,
            "unit": unit,
            "unit_price_minor": unit_price_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_line_params import QuoteLineParams # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        code = QuoteLineCode(d.pop("code"))




        description = d.pop("description")

        item = d.pop("item")

        params = QuoteLineParams.from_dict(d.pop("params"))




        quantity = d.pop("quantity")

        unit = d.pop("unit")

        unit_price_minor = d.pop("unit_price_minor")

        quote_line = cls(
            amount_minor=amount_minor,
            code=code,
            description=description,
            item=item,
            params=params,
            quantity=quantity,
            unit=unit,
            unit_price_minor=unit_price_minor,
        )


        quote_line.additional_properties = d
        return quote_line

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
