"""Types of closures and blackouts. Unknown fields are refused at this edge."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from services.venue.entrypoints.schemas.common import Window


class ClosureCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A closure or blackout: one space (its rooms, so combinations sharing them too) or, without
    ``space_id``, the whole venue. Bookings held then are listed in the answer, not cancelled."""

    space_id: Annotated[str, Meta(min_length=1, max_length=64)] | None = None
    starts_at: datetime
    ends_at: datetime
    reason: Annotated[str, Meta(min_length=1, max_length=200, description="shown publicly")]


class Closure(msgspec.Struct, frozen=True, kw_only=True):
    closure_id: uuid.UUID
    space_id: str | None  # None: the whole venue
    starts_at: datetime
    ends_at: datetime
    reason: str
    local: dict[str, Window]  # the same interval in the venue's and the organizer's zones


class BookingHit(msgspec.Struct, frozen=True, kw_only=True):
    """A booking whose hold (setup and teardown included) meets the closure."""

    booking_id: uuid.UUID
    organizer_id: uuid.UUID | None
    space_id: str
    status: str
    title: str
    starts_at: datetime
    ends_at: datetime
    blocked: Window


class ClosureAnswer(msgspec.Struct, frozen=True, kw_only=True):
    dry_run: bool
    closure: Closure | None  # None for a dry run
    units: list[str]
    hits: list[BookingHit]
