"""Types of bookings: the request, the answer to it, the booking with its saga, its audit trail, its change."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import UNSET, Meta, UnsetType

from services.venue.entrypoints.schemas.common import Language, Text, Window
from services.venue.entrypoints.schemas.vendor_tasks import VendorTask


class InterpretingWanted(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    floor_language: Language
    target_languages: Annotated[list[Language], Meta(min_length=1, max_length=8)]


class CateringWanted(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    menu: Annotated[str, Meta(min_length=1, max_length=64, description="e.g. western-buffet, tea-break")]
    headcount: Annotated[int, Meta(ge=1, le=5000)]
    serve_at: datetime | None = None
    dietary: dict[
        Annotated[str, Meta(pattern="^(vegetarian|vegan|halal|gluten_free)$")],
        Annotated[int, Meta(ge=0, le=5000)],
    ] = {}  # counts among the headcount
    allergy_notes: Annotated[str, Meta(max_length=500, description="allergies to cater for; no names")] = ""


STARTS_AT = (
    "with a UTC offset; on the venue's 30-minute grid, within opening hours, at least 24 hours and at most "
    "540 days ahead"
)
ENDS_AT = (
    "1 hour to 14 days after starts_at. A multi-day event is one interval: the space stays blocked (and set "
    "up) overnight; opening hours apply to its start on the first day and its end on the last"
)


ATTENDEES = "at most the layout's net capacity: mobile interpretation booths and a buffet take floor"


class BookingCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The organizer is the caller (from the API key); staff booking for an organizer name them."""

    space_id: Annotated[str, Meta(min_length=1, max_length=64)]
    layout: Annotated[str, Meta(min_length=1, max_length=32)]
    starts_at: Annotated[datetime, Meta(description=STARTS_AT)]
    ends_at: Annotated[datetime, Meta(description=ENDS_AT)]
    attendees: Annotated[int, Meta(ge=1, le=10000, description=ATTENDEES)]
    title: Text
    interpreting: InterpretingWanted | None = None
    catering: CateringWanted | None = None
    on_behalf_of: uuid.UUID | None = None  # staff only: the organizer account the booking is for
    quote_id: uuid.UUID | None = None  # a quote from POST /quotes: the booking keeps its prices
    network_lines: Annotated[int, Meta(ge=0, le=4)] = 0  # international dedicated lines for the event
    public: Annotated[
        bool,
        Meta(
            description="show it in the public what's on list once confirmed (title, space, times);"
            " PUT /bookings/{id}/public changes it later. Not for a waitlist entry."
        ),
    ] = False


class BookingAccepted(msgspec.Struct, frozen=True, kw_only=True):
    booking_id: uuid.UUID
    status: str
    trace_id: str


class SagaStep(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    name: str
    state: str
    started_at: datetime
    updated_at: datetime
    deadline: datetime | None = None
    detail: str | None = None


class Booking(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    booking_id: uuid.UUID
    organizer_id: uuid.UUID | None = None
    status: str
    phase: str
    reason: str | None = None
    space_id: str
    layout: str
    starts_at: datetime
    ends_at: datetime
    blocked: Window
    local: dict[str, Window]
    attendees: int
    title: str
    interpreting: InterpretingWanted | None = None
    catering: CateringWanted | None = None
    steps: list[SagaStep]
    vendor_tasks: list[VendorTask]
    hold_expires_at: datetime | None = None  # options only
    cancelled_at: datetime | None = None
    fee_minor: int | None = None  # cancellation fee, CNY minor units
    public: bool  # shown in the public "what's on" list (PUT /bookings/{id}/public)
    trace_id: str
    created_at: datetime
    updated_at: datetime


class AuditEntry(msgspec.Struct, frozen=True, kw_only=True):
    at: datetime
    actor: str
    action: str
    detail: dict[str, object]
    trace_id: str


class BookingUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Only the fields sent change; `interpreting: null` or `catering: null` drops that service."""

    space_id: Annotated[str, Meta(min_length=1, max_length=64)] | UnsetType = UNSET
    layout: Annotated[str, Meta(min_length=1, max_length=32)] | UnsetType = UNSET
    starts_at: datetime | UnsetType = UNSET
    ends_at: datetime | UnsetType = UNSET
    attendees: Annotated[int, Meta(ge=1, le=10000)] | UnsetType = UNSET
    title: Annotated[str, Meta(min_length=1, max_length=200)] | UnsetType = UNSET
    interpreting: InterpretingWanted | UnsetType | None = UNSET
    catering: CateringWanted | UnsetType | None = UNSET
