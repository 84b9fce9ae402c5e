"""Request and response types of quotes, network lines, planning, calendars and activity records.

Money is in integer minor units (fen for CNY) next to its currency.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

import msgspec
from msgspec import UNSET, Meta, UnsetType

from services.venue.entrypoints.schemas import CateringWanted, InterpretingWanted, Locale, Text, Window

CountryCode = Annotated[str, Meta(min_length=2, max_length=2, description="ISO 3166-1 alpha-2, e.g. AU, MY")]
Name = Annotated[str, Meta(min_length=1, max_length=200)]
LongText = Annotated[str, Meta(min_length=1, max_length=2000)]


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


class QuoteOut(msgspec.Struct, frozen=True, kw_only=True):
    quote_id: uuid.UUID
    request: QuoteCreate
    items: list[QuoteLine]
    total_minor: int
    currency: str
    valid_until: datetime
    note: str
    created_at: datetime


class LineAvailability(msgspec.Struct, frozen=True, kw_only=True):
    line_id: str
    bandwidth_mbps: int
    busy: list[Window]


class NetworkAvailability(msgspec.Struct, frozen=True, kw_only=True):
    starts_at: datetime
    ends_at: datetime
    free_throughout: int
    lines: list[LineAvailability]


class PlanningRequestCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What the organizer wants help with; the venue answers in the contact language."""

    request: LongText
    contact_language: Locale | None = None


class PlanningTaskUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Fields left out stay as they are; ``assignee_id: null`` unassigns."""

    status: Literal["open", "in_progress", "done"] | None = None
    assignee_id: uuid.UUID | UnsetType | None = UNSET
    notes: Annotated[str, Meta(max_length=4000)] | None = None


class PlanningTask(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    task_id: uuid.UUID
    booking_id: uuid.UUID
    request: str
    contact_language: str
    status: str
    created_at: datetime
    updated_at: datetime
    assignee_id: uuid.UUID | None = None  # staff and ops only
    notes: str | None = None  # staff and ops only


class ActivityRecordPut(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    physical_attendees: Annotated[int, Meta(ge=0, le=1_000_000)]
    online_attendees: Annotated[int, Meta(ge=0, le=1_000_000_000)] = 0
    guest_countries: Annotated[list[CountryCode], Meta(max_length=249)] = []
    media_reports: Annotated[int, Meta(ge=0, le=1_000_000)] = 0
    cooperation_partners: Annotated[list[Name], Meta(max_length=50)] = []
    follow_up_actions: Annotated[list[LongText], Meta(max_length=50)] = []


class ActivityRecord(msgspec.Struct, frozen=True, kw_only=True):
    booking_id: uuid.UUID
    physical_attendees: int
    online_attendees: int
    guest_countries: list[str]
    media_reports: int
    cooperation_partners: list[str]
    follow_up_actions: list[str]
    recorded_by: str
    created_at: datetime
    updated_at: datetime


class PerformanceSheet(msgspec.Struct, frozen=True, kw_only=True):
    """The figures the venue publishes for a period (no personal data)."""

    first_day: date
    last_day: date
    events_held: int
    events_recorded: int
    guests: int
    countries: int
    country_codes: list[str]
    online_attendance: int
    media_reports: int
    cooperation_partners: int
