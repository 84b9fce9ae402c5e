"""Types of vendor tasks as interpreting and catering report them."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec


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


class DeskVendorTask(VendorTask, frozen=True, kw_only=True):
    """A vendor task with the booking it serves, for staff."""

    booking_id: uuid.UUID
    title: str
    starts_at: datetime
    version: int
