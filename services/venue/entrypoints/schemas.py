"""The venue API's request and response types. Unknown fields are refused at this edge."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import UNSET, Meta, UnsetType

Email = Annotated[
    str, Meta(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254, description="e-mail address")
]
Locale = Annotated[
    str, Meta(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP 47, e.g. en or zh-CN")
]
Language = Annotated[str, Meta(pattern=r"^[a-z]{2}$", description="ISO 639-1 code, e.g. en, zh, ar")]
Text = Annotated[str, Meta(min_length=1, max_length=200)]


class OrganizerContact(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    name: Text
    email: Email
    locale: Locale = "en"
    time_zone: Annotated[
        str, Meta(min_length=1, max_length=64, description="IANA zone, e.g. Europe/Berlin")
    ] = "Asia/Shanghai"


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


class BookingAccepted(msgspec.Struct, frozen=True, kw_only=True):
    booking_id: uuid.UUID
    status: str
    trace_id: str


class Window(msgspec.Struct, frozen=True, kw_only=True):
    starts_at: datetime
    ends_at: datetime


class SagaStep(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    name: str
    state: str
    started_at: datetime
    updated_at: datetime
    deadline: datetime | None = None
    detail: str | None = None


class VendorTask(msgspec.Struct, frozen=True, kw_only=True):
    """One vendor task of a booking, as the service that owns it last reported it."""

    task_id: str
    kind: str
    vendor_id: str
    state: str
    reason: str
    answer_due: datetime | None = None
    answer_due_local: dict[str, datetime] | None = (
        None  # the same moment in the venue's and organizer's zones
    )
    updated_at: datetime


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
    trace_id: str
    created_at: datetime
    updated_at: datetime


class Layout(msgspec.Struct, frozen=True):
    name: str
    capacity: int


class SpaceOut(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: dict[str, str]
    area_m2: int
    layouts: list[Layout]
    combines: list[str]
    setup_minutes: int
    teardown_minutes: int
    fixed_interpretation_booths: int
    requires_approval: bool
    features: list[str]


class OrganizerCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A new organizer account (staff only); its API key is shown once in the answer."""

    name: Text
    email: Email
    locale: Locale = "en"
    time_zone: Annotated[str, Meta(min_length=1, max_length=64)] = "Asia/Shanghai"
    organization: Annotated[str, Meta(max_length=200)] | None = None


class Account(msgspec.Struct, frozen=True, kw_only=True):
    account_id: uuid.UUID
    role: str
    name: str
    email: str
    locale: str
    time_zone: str


class AccountCreated(msgspec.Struct, frozen=True, kw_only=True):
    account: Account
    api_key: str


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


class ChangeOut(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    booking_id: uuid.UUID
    revision: int
    state: str
    changes: list[str]
    reason: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
