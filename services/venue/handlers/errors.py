"""What the venue's use cases refuse, and why: each becomes a problem answer at the API's edge."""

from __future__ import annotations

from datetime import datetime

from services.venue.domain.booking import Interval, Violation
from services.venue.domain.schedule import Rule


class InvalidBooking(Exception):
    """The request breaks venue rules (each violation names its field)."""

    def __init__(self, violations: list[Violation]) -> None:
        super().__init__("; ".join(f"{v.field}: {v.reason}" for v in violations))
        self.violations = violations


class SlotTaken(Exception):
    """The space is held during part of the requested interval (setup and teardown included)."""

    def __init__(self, space_id: str, requested: Interval, taken: list[Interval]) -> None:
        super().__init__(f"{space_id} is already held")
        self.space_id, self.requested, self.taken = space_id, requested, taken


class SlotFree(Exception):
    """Nothing holds the slot: book it instead of queueing for it."""

    def __init__(self, space_id: str) -> None:
        super().__init__(f"{space_id} is free at that time")
        self.space_id = space_id


class IdempotencyKeyReused(Exception):
    """The Idempotency-Key came with a different request body before."""


class NotAwaitingApproval(Exception):
    """Neither the booking nor a change of it waits for a staff decision."""


class NotCancellable(Exception):
    pass


class NotChangeable(Exception):
    pass


class OptionNotConvertible(Exception):
    pass


class InvalidRequest(Exception):
    """A calendar request (closure, availability) breaks a rule; ``rules`` are (field, reason) pairs."""

    def __init__(self, rules: list[Rule]) -> None:
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in rules))
        self.rules = rules


class NotFound(Exception):
    """Absent, or another organizer's (the same answer: no oracle for other people's ids)."""


class Conflict(Exception):
    """The thing exists but its state forbids the change now."""


class Invalid(Exception):
    def __init__(self, violations: list[Violation]) -> None:
        super().__init__("; ".join(f"{v.field}: {v.reason}" for v in violations))
        self.violations = violations


class NotPermitted(Exception):
    """The caller's role may not ask for this (``field`` names what they asked)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


class AlreadyCheckedIn(Exception):
    """A second scan of a pass: the guest came in before (when, where, and which staff let them in)."""

    def __init__(self, at: datetime, space: str, by: str) -> None:
        super().__init__(f"already checked in at {at.isoformat()} in {space}")
        self.at, self.space, self.by = at, space, by
