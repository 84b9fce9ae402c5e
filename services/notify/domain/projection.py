"""Notify's own picture of bookings and vendor tasks, kept from the events (no other database is read)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from shared.contracts import (
    ApprovalNeeded,
    BookingCancelled,
    BookingConfirmed,
    BookingEvent,
    BookingReceived,
    BookingRejected,
    HoldExpired,
    HoldExpiring,
    VendorTaskAssigned,
    VendorTaskCancelled,
    VendorTaskChanged,
    VendorTaskDeclined,
    VendorTaskEscalated,
    WaitlistPromoted,
)
from shared.contracts.tasks import VendorTaskMessage

ACTIVE_BOOKING = ("pending", "held", "confirmed")


@dataclass(frozen=True)
class BookingView:
    booking_id: uuid.UUID
    organizer_key: str
    title: str
    space_id: str
    space_name: str
    starts_at: datetime
    ends_at: datetime
    status: str


@dataclass(frozen=True)
class TaskView:
    task_id: str
    vendor_id: str
    kind: str
    booking_id: uuid.UUID
    state: str
    space_id: str | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    load_in_at: datetime | None = None
    load_out_at: datetime | None = None
    summary: str = ""


def status_after(event: BookingEvent, current: str | None) -> str:
    """The booking's status once ``event`` applies (a change keeps the status it had)."""
    if isinstance(event, BookingConfirmed):
        return "confirmed"
    if isinstance(event, BookingRejected):
        return "rejected"
    if isinstance(event, BookingCancelled):
        return "cancelled"
    if isinstance(event, HoldExpired):
        return "expired"
    if isinstance(event, HoldExpiring | WaitlistPromoted):
        return "held"
    if isinstance(event, BookingReceived | ApprovalNeeded):
        return "pending"
    return current or "confirmed"  # BookingChanged: a change goes through on a live booking


def still_true(event: BookingEvent, current: str) -> bool:
    """An older event the newer picture does not contradict: the venue announces "received" and "needs
    approval" in one transaction, and either may be handled first; both still hold while pending."""
    return isinstance(event, BookingReceived | ApprovalNeeded) and current == "pending"


def task_state_after(message: VendorTaskMessage) -> str | None:
    """The task's state for this vendor once ``message`` applies; None for answers that change nothing."""
    if isinstance(message, VendorTaskAssigned | VendorTaskChanged):
        return "active"
    if isinstance(message, VendorTaskCancelled):
        return "cancelled"
    if isinstance(message, VendorTaskDeclined):
        return "declined"
    if isinstance(message, VendorTaskEscalated):
        return "escalated"
    return None
