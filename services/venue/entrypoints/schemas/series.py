"""Types of recurring series: the request (booking fields and an RRULE), its preview, the series, and
changes and cancellations of part of it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

import msgspec
from msgspec import UNSET, Meta, UnsetType

from services.venue.entrypoints.schemas.bookings import (
    ATTENDEES,
    ENDS_AT,
    STARTS_AT,
    CateringWanted,
    InterpretingWanted,
)
from services.venue.entrypoints.schemas.common import Text

RRULE = (
    "iCalendar RRULE (RFC 5545) on the venue's wall clock, e.g. FREQ=WEEKLY;COUNT=12;BYDAY=TU: FREQ DAILY, "
    "WEEKLY, MONTHLY or YEARLY, COUNT or UNTIL, and INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, ... as "
    "needed; starts_at is its first occurrence"
)
Mode = Literal["all_or_nothing", "skip_conflicts"]
Scope = Literal["one", "this_and_following", "all"]
CONFLICT = "what stands in the way: rule, closed, taken, network_lines"


class SeriesCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The booking fields of POST /bookings for the first occurrence, and the rule repeating it."""

    space_id: Annotated[str, Meta(min_length=1, max_length=64)]
    layout: Annotated[str, Meta(min_length=1, max_length=32)]
    starts_at: Annotated[datetime, Meta(description=STARTS_AT)]
    ends_at: Annotated[datetime, Meta(description=ENDS_AT)]
    attendees: Annotated[int, Meta(ge=1, le=10000, description=ATTENDEES)]
    title: Text
    interpreting: InterpretingWanted | None = None
    catering: CateringWanted | None = None
    on_behalf_of: uuid.UUID | None = None  # staff only: the organizer account the series is for
    quote_id: Annotated[uuid.UUID | None, Meta(description="not for series: a quote prices one booking")] = (
        None
    )
    network_lines: Annotated[int, Meta(ge=0, le=4)] = 0
    rrule: Annotated[str, Meta(min_length=1, max_length=300, description=RRULE)]
    mode: Mode = "all_or_nothing"
    dry_run: bool = False  # list each occurrence as free or conflicting; hold nothing


class OccurrencePreview(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    starts_at: datetime
    ends_at: datetime
    free: bool
    reason: str | None = None
    conflict: Annotated[str | None, Meta(description=CONFLICT)] = None


class SeriesPreview(msgspec.Struct, frozen=True, kw_only=True):
    rrule: str  # as the series would keep it: COUNT the occurrences made
    occurrences: list[OccurrencePreview]


class SeriesOccurrence(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """An occurrence: its booking's times and status, or `skipped` and why."""

    position: int
    starts_at: datetime
    ends_at: datetime
    booking_id: uuid.UUID | None = None
    status: str
    reason: str | None = None
    conflict: Annotated[str | None, Meta(description=CONFLICT)] = None
    recurrence_id: Annotated[datetime, Meta(description="the rule's start for it (RECURRENCE-ID)")]


class Series(msgspec.Struct, frozen=True, kw_only=True):
    series_id: uuid.UUID
    organizer_id: uuid.UUID
    title: str
    space_id: str
    rrule: str
    time_zone: str
    mode: Mode
    created_at: datetime
    calendar: str  # its iCal feed
    occurrences: list[SeriesOccurrence]


class SeriesCancel(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    scope: Scope
    booking_id: Annotated[
        uuid.UUID | None, Meta(description="the occurrence: required for one and this_and_following")
    ] = None
    reason: Annotated[str, Meta(max_length=500)] = ""


class OccurrenceCancelled(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """``to_be_cancelled`` only in a dry run: the fee is what cancelling it now would charge."""

    booking_id: uuid.UUID
    starts_at: datetime
    status: Literal["cancelled", "not_cancelled", "to_be_cancelled"]
    fee_percent: int | None = None
    fee_minor: int | None = None
    fee_rises_at: datetime | None = None  # a dry run: when the fee next rises (None: it will not)
    reason: str | None = None


class SeriesCancellation(msgspec.Struct, frozen=True, kw_only=True):
    series_id: uuid.UUID
    occurrences: list[OccurrenceCancelled]
    fee_total_minor: int  # the fees of the occurrences listed, each by the cancellation tiers
    currency: str
    dry_run: bool = False  # ?dry_run=true: nothing was cancelled; the fees are what cancelling would charge


class SeriesUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The fields of PATCH /bookings/{id} for the named occurrence (or the first of the scope); new times
    move every other occurrence of the scope by as much."""

    scope: Scope
    booking_id: uuid.UUID | None = None
    space_id: Annotated[str, Meta(min_length=1, max_length=64)] | UnsetType = UNSET
    layout: Annotated[str, Meta(min_length=1, max_length=32)] | UnsetType = UNSET
    starts_at: datetime | UnsetType = UNSET
    ends_at: datetime | UnsetType = UNSET
    attendees: Annotated[int, Meta(ge=1, le=10000)] | UnsetType = UNSET
    title: Annotated[str, Meta(min_length=1, max_length=200)] | UnsetType = UNSET
    interpreting: InterpretingWanted | UnsetType | None = UNSET
    catering: CateringWanted | UnsetType | None = UNSET


class OccurrenceChanged(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    booking_id: uuid.UUID
    starts_at: datetime
    revision: int | None = None
    state: str | None = None
    reason: str | None = None


class SeriesChange(msgspec.Struct, frozen=True, kw_only=True):
    series_id: uuid.UUID
    occurrences: list[OccurrenceChanged]
