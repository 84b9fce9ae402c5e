"""Types of a booking's cancellation and its fee."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta


class BookingCancel(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    reason: Annotated[str, Meta(max_length=500)] = ""


class Cancellation(msgspec.Struct, frozen=True, kw_only=True):
    booking_id: uuid.UUID
    status: str
    cancelled_at: datetime
    fee_percent: int
    fee_minor: int
    fee_base_minor: int
    currency: str
