"""Types of guest lists and of the guest-data audit."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from services.venue.entrypoints.schemas.common import CountryCode, Text

# lenient on the way in (spaces, hyphens, lower case are tidied); the venue's rules say what is refused
PassportNumber = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=40,
        description="5–20 letters A–Z or digits 0–9; spaces and hyphens are ignored, letters upper-cased",
    ),
]


class GuestCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    full_name: Text
    nationality: CountryCode
    passport_number: PassportNumber | None = None
    date_of_birth: date | None = None


class GuestListUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The whole list: it replaces the one before (at most the booking's attendees)."""

    guests: Annotated[list[GuestCreate], Meta(max_length=10000)]


class Guest(msgspec.Struct, frozen=True, kw_only=True):
    guest_id: uuid.UUID
    full_name: str
    nationality: str
    passport_number: Annotated[
        str | None, Meta(description="masked (`••••••1234`) unless revealed by staff")
    ] = None
    date_of_birth: Annotated[date | None, Meta(description="only when revealed by staff")] = None


class GuestList(msgspec.Struct, frozen=True, kw_only=True):
    booking_id: uuid.UUID
    guests: list[Guest]
    revealed: bool
    updated_at: datetime | None = None
    purged_at: Annotated[
        datetime | None, Meta(description="when the guest data was deleted (retention or cancellation)")
    ] = None


class GuestDataAccess(msgspec.Struct, frozen=True, kw_only=True):
    """One read, reveal, replacement or purge of a booking's guest data."""

    id: Annotated[int, Meta(description="pass as `before` for older entries")]
    at: datetime
    booking_id: uuid.UUID
    actor: str
    action: str
    purpose: str | None = None
    guests: int | None = None
    detail: dict[str, object]
    trace_id: str
