"""Types of a booking's cancellation and its fee."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta


class BookingCancel(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    reason: Annotated[str, Meta(max_length=500)] = ""


class CancellationTier(msgspec.Struct, frozen=True, kw_only=True):
    """Cancelled at least ``days_before`` days before the start: ``fee_percent`` of the price is due."""

    days_before: int
    fee_percent: int


class Cancellation(msgspec.Struct, frozen=True, kw_only=True):
    """A cancellation; with ``?dry_run=true`` what cancelling now would charge (nothing is written)."""

    booking_id: uuid.UUID
    status: str  # "cancelled"; for a dry run the booking's status now (unchanged)
    dry_run: bool = False
    cancelled_at: datetime | None  # None for a dry run of a booking not cancelled yet
    fee_percent: int
    fee_minor: int
    fee_base_minor: int
    currency: str
    fee_rises_at: datetime | None = None  # dry run: when the share due grows next, if it does
    rule: list[CancellationTier]  # the venue's tiers, most notice first
