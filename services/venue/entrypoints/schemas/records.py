"""Types of exchange-activity records and the performance sheet."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from services.venue.entrypoints.schemas.common import CountryCode, LongText, Name


class ActivityRecordUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
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
