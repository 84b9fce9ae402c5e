"""Booking events the venue announces (notify, and later others, react to them)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import msgspec

from shared.contracts.base import Message


class Organizer(msgspec.Struct, frozen=True, kw_only=True):
    """Who to tell, in which language and time zone."""

    name: str
    email: str
    locale: str = "en"
    time_zone: str = "Asia/Shanghai"
    phone: str = ""  # E.164, when the person gave one (for SMS)


class BookingEvent(Message, frozen=True, kw_only=True):
    """What every booking event says about the booking."""

    title: str
    space_id: str
    space_name: str
    starts_at: datetime
    ends_at: datetime
    organizer: Organizer


class BookingReceived(BookingEvent, frozen=True, kw_only=True):
    """The booking is held and its services are being arranged."""

    subject: ClassVar[str] = "venue.evt.booking_received"
    services: list[str] = []


class BookingConfirmed(BookingEvent, frozen=True, kw_only=True):
    """Every reservation of the booking is firm."""

    subject: ClassVar[str] = "venue.evt.booking_confirmed"
    services: list[str] = []


class BookingRejected(BookingEvent, frozen=True, kw_only=True):
    """The booking did not go through; everything it held is free again."""

    subject: ClassVar[str] = "venue.evt.booking_rejected"
    reason: str


class BookingChanged(BookingEvent, frozen=True, kw_only=True):
    """A change went through; ``changes`` names what changed (time, space, attendees, services)."""

    subject: ClassVar[str] = "venue.evt.booking_changed"
    changes: list[str]
    previous_starts_at: datetime | None = None
    previous_ends_at: datetime | None = None


class BookingCancelled(BookingEvent, frozen=True, kw_only=True):
    """The booking is cancelled and everything it held is released; the fee follows the policy."""

    subject: ClassVar[str] = "venue.evt.booking_cancelled"
    reason: str = ""
    fee_minor: int = 0
    currency: str = "CNY"


class HoldExpiring(BookingEvent, frozen=True, kw_only=True):
    """A tentative option hold expires soon unless the organizer converts it into a booking."""

    subject: ClassVar[str] = "venue.evt.hold_expiring"
    expires_at: datetime


class HoldExpired(BookingEvent, frozen=True, kw_only=True):
    """The option hold lapsed; the space is free (or passed to the next in the waitlist)."""

    subject: ClassVar[str] = "venue.evt.hold_expired"


class WaitlistPromoted(BookingEvent, frozen=True, kw_only=True):
    """The organizer queued behind another hold or booking now holds the space."""

    subject: ClassVar[str] = "venue.evt.waitlist_promoted"
    expires_at: datetime | None = None


class ApprovalNeeded(BookingEvent, frozen=True, kw_only=True):
    """A booking of a space that needs staff approval waits for a decision (sent to staff)."""

    subject: ClassVar[str] = "venue.evt.approval_needed"
    decide_by: datetime
