"""Messages between the booking saga and the catering service."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from shared.contracts.base import PlanMessage


class ReserveCatering(PlanMessage, frozen=True, kw_only=True):
    """Hold kitchen covers for a menu and headcount (tentative until confirmed)."""

    subject: ClassVar[str] = "catering.cmd.reserve"
    space_id: str
    starts_at: datetime
    ends_at: datetime
    menu: str
    headcount: int
    serve_at: datetime | None = None
    # guests per need (keys vegetarian, vegan, halal, gluten_free), counted within the headcount
    dietary: dict[str, int] = {}
    allergy_notes: str = ""  # free text for the kitchen, no guest names
    layout: str = ""  # the space's layout, if known, for the caterer's banquet event order


class ConfirmCatering(PlanMessage, frozen=True, kw_only=True):
    """Make the held revision firm, release the booking's older revisions, hand the work to the caterer."""

    subject: ClassVar[str] = "catering.cmd.confirm"


class ReleaseCatering(PlanMessage, frozen=True, kw_only=True):
    """Free what the revision holds (also if its reserve is still in flight: it is then refused)."""

    subject: ClassVar[str] = "catering.cmd.release"
    reason: str = ""


class CateringReserved(PlanMessage, frozen=True, kw_only=True):
    subject: ClassVar[str] = "catering.evt.reserved"
    meal_period: str
    covers: int
    price_minor: int
    currency: str = "CNY"


class CateringRejected(PlanMessage, frozen=True, kw_only=True):
    """Nothing is held; ``reason`` says what to change, for the organizer."""

    subject: ClassVar[str] = "catering.evt.rejected"
    reason: str


class CateringConfirmed(PlanMessage, frozen=True, kw_only=True):
    subject: ClassVar[str] = "catering.evt.confirmed"


class CateringReleased(PlanMessage, frozen=True, kw_only=True):
    subject: ClassVar[str] = "catering.evt.released"
