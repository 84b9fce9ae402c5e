"""Messages between the booking saga and the interpreting service."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import msgspec

from shared.contracts.base import PlanMessage


class ReserveInterpreting(PlanMessage, frozen=True, kw_only=True):
    """Hold booths and an interpreter team for a booking's time (tentative until confirmed)."""

    subject: ClassVar[str] = "interpreting.cmd.reserve"
    space_id: str
    starts_at: datetime
    ends_at: datetime
    floor_language: str
    target_languages: list[str]
    attendees: int


class ConfirmInterpreting(PlanMessage, frozen=True, kw_only=True):
    """Make the held revision firm, release the booking's older revisions, hand the work to the agencies."""

    subject: ClassVar[str] = "interpreting.cmd.confirm"


class ReleaseInterpreting(PlanMessage, frozen=True, kw_only=True):
    """Free what the revision holds (also if its reserve is still in flight: it is then refused)."""

    subject: ClassVar[str] = "interpreting.cmd.release"
    reason: str = ""


class InterpreterSeat(msgspec.Struct, frozen=True, kw_only=True):
    booth: str
    interpreter_id: str
    vendor_id: str


class InterpretingReserved(PlanMessage, frozen=True, kw_only=True):
    """Booths and a full team per booth are held."""

    subject: ClassVar[str] = "interpreting.evt.reserved"
    booths: list[str]
    team_per_booth: int
    seats: list[InterpreterSeat] = []
    mode: str = "simultaneous"  # or "consecutive" (small meetings: no booth, no receivers)
    relays: list[str] = []  # e.g. "th→en→lo": served through a pivot booth, only when no direct cover exists
    receivers: int = 0  # headsets held for the audience


class InterpretingRejected(PlanMessage, frozen=True, kw_only=True):
    """Nothing is held; ``reason`` says what is missing, for the organizer."""

    subject: ClassVar[str] = "interpreting.evt.rejected"
    reason: str


class InterpretingConfirmed(PlanMessage, frozen=True, kw_only=True):
    subject: ClassVar[str] = "interpreting.evt.confirmed"


class InterpretingReleased(PlanMessage, frozen=True, kw_only=True):
    subject: ClassVar[str] = "interpreting.evt.released"
