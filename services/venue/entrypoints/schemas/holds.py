"""Types of options and the waitlist."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec

from services.venue.entrypoints.schemas.bookings import CateringWanted, InterpretingWanted


class OptionConvert(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    interpreting: InterpretingWanted | None = None
    catering: CateringWanted | None = None


class OptionExpiry(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    expires_at: datetime


class WaitlistEntry(msgspec.Struct, frozen=True, kw_only=True):
    waitlist_id: uuid.UUID
    place: int


class WaitlistItem(msgspec.Struct, frozen=True, kw_only=True):
    waitlist_id: uuid.UUID
    space_id: str
    starts_at: datetime
    ends_at: datetime
    status: str
    booking_id: uuid.UUID | None
    created_at: datetime
