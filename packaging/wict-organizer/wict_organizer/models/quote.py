from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.quote_create import QuoteCreate
  from ..models.quote_line import QuoteLine





T = TypeVar("T", bound="Quote")



@_attrs_define
class Quote:
    """ 
        Attributes:
            created_at (datetime.datetime):
            currency (str):
            items (list[QuoteLine]):
            note (str):
            note_code (Literal['estimate']):
            quote_id (UUID):
            request (QuoteCreate):
            total_minor (int):
            valid_until (datetime.datetime):
     """

    created_at: datetime.datetime
    currency: str
    items: list[QuoteLine]
    note: str
    note_code: Literal['estimate']
    quote_id: UUID
    request: QuoteCreate
    total_minor: int
    valid_until: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.quote_create import QuoteCreate # noqa: PLC0415
        from ..models.quote_line import QuoteLine # noqa: PLC0415
        created_at = self.created_at.isoformat()

        currency = self.currency

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        note = self.note

        note_code = self.note_code

        quote_id = str(self.quote_id)

        request = self.request.to_dict()

        total_minor = self.total_minor

        valid_until = self.valid_until.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "currency": currency,
            "items": items,
            "note": note,
            "note_code": note_code,
            "quote_id": quote_id,
            "request": request,
            "total_minor": total_minor,
            "valid_until": valid_until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_create import QuoteCreate # noqa: PLC0415
        from ..models.quote_line import QuoteLine # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        currency = d.pop("currency")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = QuoteLine.from_dict(items_item_data)



            items.append(items_item)


        note = d.pop("note")

        note_code = cast(Literal['estimate'] , d.pop("note_code"))
        if note_code != 'estimate':
            raise ValueError(f"note_code must match const 'estimate', got '{note_code}'")

        quote_id = UUID(d.pop("quote_id"))




        request = QuoteCreate.from_dict(d.pop("request"))




        total_minor = d.pop("total_minor")

        valid_until = datetime.datetime.fromisoformat(d.pop("valid_until"))




        quote = cls(
            created_at=created_at,
            currency=currency,
            items=items,
            note=note,
            note_code=note_code,
            quote_id=quote_id,
            request=request,
            total_minor=total_minor,
            valid_until=valid_until,
        )


        quote.additional_properties = d
        return quote

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
