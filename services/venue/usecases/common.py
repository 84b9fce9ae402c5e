"""What the add-on use cases share: their refusals, and finding a booking the caller may see."""

from __future__ import annotations

import uuid

import asyncpg

from services.venue.domain.access import Principal
from services.venue.domain.booking import Violation


class NotFound(Exception):
    """Absent, or another organizer's (the same answer: no oracle for other people's ids)."""


class Conflict(Exception):
    """The thing exists but its state forbids the change now."""


class Invalid(Exception):
    def __init__(self, violations: list[Violation]) -> None:
        super().__init__("; ".join(f"{v.field}: {v.reason}" for v in violations))
        self.violations = violations


async def visible_booking(
    connection: asyncpg.Connection, principal: Principal, booking_id: uuid.UUID, lock: str = ""
) -> asyncpg.Record:
    """The booking's id, owner, status, times, title, space and organizer contact; NotFound if not the caller's.

    ``lock`` is "" or "FOR SHARE" / "FOR UPDATE" to keep the booking's status still for the transaction.
    """
    assert lock in ("", "FOR SHARE", "FOR UPDATE")
    row = await connection.fetchrow(
        "SELECT id, organizer_id, status, space_id, starts_at, ends_at, title, organizer, updated_at"
        f" FROM bookings WHERE id = $1 {lock}",
        booking_id,
    )
    if row is None or not principal.may_see(row["organizer_id"]):
        raise NotFound(f"booking {booking_id} does not exist")
    return row
