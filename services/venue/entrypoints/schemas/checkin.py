"""Types of the door: a scan, a walk-in, what the door shows, and the live counts."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from services.venue.entrypoints.schemas.accounts import Phone
from services.venue.entrypoints.schemas.common import CountryCode, Email
from services.venue.entrypoints.schemas.invitations import GuestLocale

SpaceId = Annotated[str, Meta(min_length=1, max_length=80, description="the hall the door belongs to")]


class CheckInCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    code: Annotated[
        str, Meta(min_length=1, max_length=60, description="what the camera read (WICT1:…) or typed")
    ]
    space_id: SpaceId


class CheckIn(msgspec.Struct, frozen=True, kw_only=True):
    """A guest let in: what the door needs to see (no passport data)."""

    registration_id: uuid.UUID
    booking_id: uuid.UUID
    full_name: str
    nationality: str
    event_title: str
    needs: list[str]
    needs_note: str
    checked_in_at: datetime
    checked_in_space: str


class WalkInCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A guest registered at the door (consent shown on the door's tablet); an e-mail or a mobile is required."""

    booking_id: uuid.UUID
    space_id: SpaceId
    full_name: Annotated[str, Meta(min_length=1, max_length=200)]
    nationality: CountryCode
    locale: GuestLocale
    consent_version: Annotated[str, Meta(max_length=40)]
    email: Email | None = None
    phone: Phone | None = None
    needs: Annotated[list[Annotated[str, Meta(max_length=40)]], Meta(max_length=20)] = []
    needs_note: Annotated[str, Meta(max_length=1000)] = ""


class CheckInCount(msgspec.Struct, frozen=True, kw_only=True):
    """One event's guests in one hall (``space_id`` null: registered, not yet in)."""

    booking_id: uuid.UUID
    event_title: str
    space_id: str | None
    registered: int
    checked_in: int
    walk_ins: int


class CheckInCounts(msgspec.Struct, frozen=True, kw_only=True):
    date: date
    counts: list[CheckInCount]
