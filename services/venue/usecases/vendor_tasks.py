"""Use cases of vendor task states: keep what interpreting and catering report, list them for staff."""

from __future__ import annotations

import logging
import uuid

import asyncpg

from services.venue.adapters import vendor_tasks
from services.venue.adapters.vendor_tasks import DeskQuery
from shared.contracts import VendorTaskStateChanged
from shared.db.unit_of_work import Database, UnitOfWork

log = logging.getLogger(__name__)


async def record_task_state(event: VendorTaskStateChanged, unit: UnitOfWork) -> bool:
    """Keep the task's reported state in the consuming transaction; an older version changes nothing."""
    kept = await vendor_tasks.save_state(unit.connection, event)
    if not kept:
        fields = {"booking_id": str(event.booking_id), "task_id": event.task_id, "version": event.version}
        log.info("task state not newer than the one kept (or booking unknown)", extra={"fields": fields})
    return kept


async def booking_tasks(connection: asyncpg.Connection, booking_id: uuid.UUID) -> list[asyncpg.Record]:
    """The booking's vendor tasks, by kind then vendor."""
    return await vendor_tasks.of_booking(connection, booking_id)


async def desk_tasks(database: Database, query: DeskQuery) -> list[asyncpg.Record]:
    """Vendor tasks across bookings for the duty desk, oldest change first."""
    async with database.connection() as connection:
        return await vendor_tasks.for_desk(connection, query)
