"""Types of quotes. Money is in integer minor units (fen for CNY) next to its currency."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from services.venue.domain.quotes import LineCode, NoteCode
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
    """One priced line. ``description`` is its English wording; ``code`` and ``params`` let a client
    word it in its own language: space-half-day {space, hours}, space-full-day {space},
    interpreting-booths {languages}, interpreters {}, catering {menu}, network-lines {}. ``unit`` is a
    code too (half-day, full-day, booth-day, interpreter-day, head, line-day)."""

    item: str
    description: str
    quantity: int
    unit: str
    unit_price_minor: int
    amount_minor: int
    code: LineCode
    params: dict[str, str | int | list[str]]


class Quote(msgspec.Struct, frozen=True, kw_only=True):
    quote_id: uuid.UUID
    request: QuoteCreate
    items: list[QuoteLine]
    total_minor: int
    currency: str
    valid_until: datetime
    note: str
    note_code: NoteCode  # the note in English is ``note``; a client words it from this code
    created_at: datetime
