"""Booking outcomes the venue announces (notify and, later, others react to them)."""

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


class BookingConfirmed(Message, frozen=True, kw_only=True):
    """Every reservation of the booking is firm."""

    subject: ClassVar[str] = "venue.evt.booking_confirmed"
    title: str
    space_id: str
    space_name: str
    starts_at: datetime
    ends_at: datetime
    organizer: Organizer
    services: list[str] = []


class BookingRejected(Message, frozen=True, kw_only=True):
    """The booking did not go through; everything it held is free again."""

    subject: ClassVar[str] = "venue.evt.booking_rejected"
    title: str
    space_id: str
    space_name: str
    starts_at: datetime
    ends_at: datetime
    organizer: Organizer
    reason: str
