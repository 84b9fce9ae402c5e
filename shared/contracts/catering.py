"""Messages between the booking saga and the catering service."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from shared.contracts.base import Message


class ReserveCatering(Message, frozen=True, kw_only=True):
    """Hold kitchen covers for a menu and headcount (tentative until confirmed)."""

    subject: ClassVar[str] = "catering.cmd.reserve"
    space_id: str
    starts_at: datetime
    ends_at: datetime
    menu: str
    headcount: int
    serve_at: datetime | None = None


class ConfirmCatering(Message, frozen=True, kw_only=True):
    """Make the held order firm and hand the work to the caterer."""

    subject: ClassVar[str] = "catering.cmd.confirm"


class ReleaseCatering(Message, frozen=True, kw_only=True):
    """Compensation: free whatever is held for the booking (also if the reserve is still in flight)."""

    subject: ClassVar[str] = "catering.cmd.release"
    reason: str = ""


class CateringReserved(Message, frozen=True, kw_only=True):
    subject: ClassVar[str] = "catering.evt.reserved"
    meal_period: str
    covers: int
    price_minor: int
    currency: str = "CNY"


class CateringRejected(Message, frozen=True, kw_only=True):
    """Nothing is held; ``reason`` says what to change, for the organizer."""

    subject: ClassVar[str] = "catering.evt.rejected"
    reason: str


class CateringConfirmed(Message, frozen=True, kw_only=True):
    subject: ClassVar[str] = "catering.evt.confirmed"


class CateringReleased(Message, frozen=True, kw_only=True):
    subject: ClassVar[str] = "catering.evt.released"
