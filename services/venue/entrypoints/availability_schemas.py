"""Request and response types of availability and closures. Unknown fields are refused at this edge."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from services.venue.entrypoints.schemas import Window


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


class FreeTimes(msgspec.Struct, frozen=True, kw_only=True):
    starts_at: datetime
    latest_start: datetime
    ends_at: datetime


class FreeWindow(msgspec.Struct, frozen=True, kw_only=True):
    """Book any start from ``starts_at`` to ``latest_start`` on the grid, for the asked duration."""

    starts_at: datetime
    latest_start: datetime
    ends_at: datetime
    local: dict[str, FreeTimes]


class SpaceAvailability(msgspec.Struct, frozen=True, kw_only=True):
    space_id: str
    name: dict[str, str]
    layout: str
    capacity: int  # net: after the floor the asked booths and buffet take
    layout_capacity: int
    requires_approval: bool
    windows: list[FreeWindow]


class Availability(msgspec.Struct, frozen=True, kw_only=True):
    period: Window
    layout: str
    attendees: int
    duration_minutes: int
    time_zones: dict[str, str]  # venue, organizer
    spaces: list[SpaceAvailability]
