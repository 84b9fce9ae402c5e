"""Messages between the booking saga and the interpreting service."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import msgspec

from shared.contracts.base import Message


class ReserveInterpreting(Message, frozen=True, kw_only=True):
    """Hold booths and an interpreter team for a booking's time (tentative until confirmed)."""

    subject: ClassVar[str] = "interpreting.cmd.reserve"
    space_id: str
    starts_at: datetime
    ends_at: datetime
    floor_language: str
    target_languages: list[str]
    attendees: int


class ConfirmInterpreting(Message, frozen=True, kw_only=True):
    """Make the held reservation firm and hand the work to the agency."""

    subject: ClassVar[str] = "interpreting.cmd.confirm"


class ReleaseInterpreting(Message, frozen=True, kw_only=True):
    """Compensation: free whatever is held for the booking (also if the reserve is still in flight)."""

    subject: ClassVar[str] = "interpreting.cmd.release"
    reason: str = ""


class InterpreterSeat(msgspec.Struct, frozen=True, kw_only=True):
    booth: str
    interpreter_id: str
    vendor_id: str


class InterpretingReserved(Message, frozen=True, kw_only=True):
    """Booths and a full team per booth are held."""

    subject: ClassVar[str] = "interpreting.evt.reserved"
    booths: list[str]
    team_per_booth: int
    seats: list[InterpreterSeat] = []


class InterpretingRejected(Message, frozen=True, kw_only=True):
    """Nothing is held; ``reason`` says what is missing, for the organizer."""

    subject: ClassVar[str] = "interpreting.evt.rejected"
    reason: str


class InterpretingConfirmed(Message, frozen=True, kw_only=True):
    subject: ClassVar[str] = "interpreting.evt.confirmed"


class InterpretingReleased(Message, frozen=True, kw_only=True):
    subject: ClassVar[str] = "interpreting.evt.released"
