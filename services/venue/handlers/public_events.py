"""Use cases of the public "what's on" list: an organizer shows a booking there; anyone reads it."""

from __future__ import annotations

import uuid
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.booking import Interval
from shared.telemetry import trace_id_hex

MAX_EVENTS = 500  # one answer; a window of at most 92 days holds fewer at this venue


async def mark_public(database: VenueDatabase, booking_id: uuid.UUID, public: bool, actor: str) -> bool:
    """Show the booking in "what's on" (once confirmed) or hide it; audited. False if there is none."""
    async with database.transaction() as unit:
        if not await unit.public_events.mark(booking_id, public):
            return False
        await unit.audit.record(booking_id, actor, "publicity", {"public": public}, trace_id_hex())
    return True


async def events_during(database: VenueDatabase, window: Interval) -> list[Any]:
    """Confirmed public bookings meeting ``window`` (rows: title, space, times), earliest first."""
    async with database.autocommit() as unit:
        return await unit.public_events.during(window, MAX_EVENTS)
