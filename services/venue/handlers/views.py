"""Read-only views for the API: a booking as its caller may see it, its steps, audit trail and changes.

Nothing here writes; each view reads in one pooled connection (no transaction).
"""

from __future__ import annotations

import uuid
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase, VenueUnit
from services.venue.domain.access import Principal, Role
from services.venue.handlers.errors import NotFound


async def visible_booking(
    unit: VenueUnit, principal: Principal, booking_id: uuid.UUID, lock: str = ""
) -> Any:
    """The booking's id, owner, status, times, title, space and organizer contact; NotFound if not the
    caller's. ``lock`` ("FOR SHARE" / "FOR UPDATE") keeps its status still for the transaction."""
    row = await unit.bookings.visible(booking_id, lock)
    if row is None or not principal.may_see(row["organizer_id"]):
        raise NotFound(f"booking {booking_id} does not exist")
    return row


async def booking_of(database: VenueDatabase, principal: Principal, booking_id: uuid.UUID) -> Any | None:
    """The whole booking row, or None when it does not exist or belongs to another organizer."""
    async with database.autocommit() as unit:
        row = await unit.bookings.get(booking_id)
    return row if row is not None and principal.may_see(row["organizer_id"]) else None


async def steps_and_tasks(database: VenueDatabase, booking_id: uuid.UUID) -> tuple[list[Any], list[Any]]:
    """The booking's saga steps, and its vendor tasks as the participants reported them."""
    async with database.autocommit() as unit:
        steps = await unit.sagas.steps(booking_id)
        tasks = await unit.vendor_tasks.of_booking(booking_id)
    return steps, tasks


async def audit_trail(database: VenueDatabase, booking_id: uuid.UUID) -> list[Any]:
    async with database.autocommit() as unit:
        return await unit.audit.trail(booking_id)


async def changes_of(database: VenueDatabase, booking_id: uuid.UUID) -> list[Any]:
    """The booking's changes, newest first: running, applied, or rejected with the reason."""
    async with database.autocommit() as unit:
        return await unit.changes.of_booking(booking_id)


async def waitlist_of(database: VenueDatabase, principal: Principal) -> list[Any]:
    """The caller's queue entries (staff and ops: everyone's)."""
    async with database.autocommit() as unit:
        return await unit.waitlist.of_organizer(
            principal.account_id if principal.role is Role.ORGANIZER else None
        )
