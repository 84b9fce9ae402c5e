"""Types of quotes. Money is in integer minor units (fen for CNY) next to its currency."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from services.venue.entrypoints.schemas.bookings import CateringWanted, InterpretingWanted
from services.venue.entrypoints.schemas.common import Text


class QuoteCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The booking request's shape (the title may come along and is ignored), plus network lines."""

    space_id: Annotated[str, Meta(min_length=1, max_length=64)]
    layout: Annotated[str, Meta(min_length=1, max_length=32)]
    starts_at: datetime
    ends_at: datetime
    attendees: Annotated[int, Meta(ge=1, le=10000)]
    title: Text | None = None
    interpreting: InterpretingWanted | None = None
    catering: CateringWanted | None = None
    network_lines: Annotated[int, Meta(ge=0, le=16)] = 0


class QuoteLine(msgspec.Struct, frozen=True, kw_only=True):
    item: str
    description: str
    quantity: int
    unit: str
    unit_price_minor: int
    amount_minor: int


class Quote(msgspec.Struct, frozen=True, kw_only=True):
    quote_id: uuid.UUID
    request: QuoteCreate
    items: list[QuoteLine]
    total_minor: int
    currency: str
    valid_until: datetime
    note: str
    created_at: datetime
