"""Types of the public "what's on" list and of marking a booking public."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec

from services.venue.entrypoints.schemas.common import Window


class BookingPublicity(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Show the booking in the public "what's on" list (title, space and times, once confirmed)."""

    public: bool


class Publicity(msgspec.Struct, frozen=True, kw_only=True):
    booking_id: uuid.UUID
    public: bool


class PublicEvent(msgspec.Struct, frozen=True, kw_only=True):
    """A confirmed booking its organizer made public: nothing about who books it."""

    title: str
    space_id: str
    space_name: dict[str, str]  # by locale: "en", "zh-CN"
    starts_at: datetime
    ends_at: datetime
    local: Window  # the same times on the venue's clock
