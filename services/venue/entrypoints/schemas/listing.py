"""Types of the bookings list (GET /bookings): one summary per booking."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec


class BookingSummary(msgspec.Struct, frozen=True, kw_only=True):
    """A booking as lists show it; the whole booking is at /bookings/{booking_id}."""

    booking_id: uuid.UUID
    title: str
    status: str
    space_id: str
    layout: str
    starts_at: datetime
    ends_at: datetime
    attendees: int
    organizer_id: uuid.UUID | None
    organizer_name: str
    series_id: uuid.UUID | None
    approval_pending: bool  # the booking, or a change of it, waits for a staff decision
    created_at: datetime
