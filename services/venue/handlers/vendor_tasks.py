"""Use cases of vendor task states: keep what interpreting and catering report, list them for staff."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase, VenueUnit
from services.venue.adapters.vendor_tasks import DeskQuery
from shared.contracts import VendorTaskStateChanged

log = logging.getLogger(__name__)


async def record_task_state(event: VendorTaskStateChanged, unit: VenueUnit) -> bool:
    """Keep the task's reported state in the consuming transaction; an older version changes nothing."""
    kept = await unit.vendor_tasks.save_state(event)
    if not kept:
        fields = {"booking_id": str(event.booking_id), "task_id": event.task_id, "version": event.version}
        log.info("task state not newer than the one kept (or booking unknown)", extra={"fields": fields})
    return kept


async def booking_tasks(database: VenueDatabase, booking_id: uuid.UUID) -> list[Any]:
    """The booking's vendor tasks, by kind then vendor."""
    async with database.autocommit() as unit:
        return await unit.vendor_tasks.of_booking(booking_id)


async def desk_tasks(database: VenueDatabase, query: DeskQuery) -> list[Any]:
    """Vendor tasks across bookings for the duty desk, oldest change first."""
    async with database.autocommit() as unit:
        return await unit.vendor_tasks.for_desk(query)
