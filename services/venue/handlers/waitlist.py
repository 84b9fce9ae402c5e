"""Use cases of the waitlist: queue behind a held slot; when a hold is released, the first in the
queue whose slot is now free gets an option of its own (first come, first served)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from services.venue.adapters.conflicts import HoldTaken
from services.venue.adapters.unit_of_work import VenueDatabase, VenueUnit
from services.venue.domain.booking import BookingRequest, Interval, blocked_interval, check
from services.venue.domain.catalog import Catalog
from services.venue.domain.commands import NewBooking, organizer_json
from services.venue.domain.settings import option_until
from services.venue.handlers.errors import InvalidBooking, SlotFree
from services.venue.handlers.events import booking_event
from services.venue.handlers.holding import hold_window
from shared.contracts import Organizer, WaitlistPromoted
from shared.telemetry import trace_id_hex

SYSTEM = "system:holds"


async def join_waitlist(
    database: VenueDatabase, command: NewBooking, catalog: Catalog, now: datetime
) -> tuple[uuid.UUID, int]:
    """Queue behind whatever holds the slot; answers the entry id and its place in the queue."""
    violations = check(command.request, catalog, now)
    if violations:
        raise InvalidBooking(violations)
    request = command.request
    space = catalog.space(request.space_id)
    assert space is not None and command.organizer_id is not None
    blocked = blocked_interval(space, request.starts_at, request.ends_at)
    entry = {
        "organizer_id": command.organizer_id,
        "space_id": space.id,
        "layout": request.layout,
        "starts_at": request.starts_at,
        "ends_at": request.ends_at,
        "attendees": request.attendees,
        "title": command.title,
    }
    async with database.transaction() as unit:
        if not await unit.holds.conflicts(space.units, blocked):
            raise SlotFree(space.id)
        entry_id = uuid.uuid4()
        await unit.waitlist.insert(entry_id, entry, space.units, blocked)
        place = await unit.waitlist.place(entry_id, space.units, blocked)
    return entry_id, place


async def promote_released(unit: VenueUnit, catalog: Catalog, option_days: int, now: datetime) -> None:
    """The waitlist's step after a unit of work released holds (``unit.released``): promote for each."""
    released, unit.released = unit.released, []
    for hold in released:
        await promote_waitlist(unit, hold.space_id, hold.blocked, catalog, option_days, now)


async def promote_waitlist(
    unit: VenueUnit, space_id: str, released: Interval, catalog: Catalog, option_days: int, now: datetime
) -> list[uuid.UUID]:
    """Give an option to each queued organizer whose slot the release freed, first come first served."""
    space = catalog.space(space_id)
    if space is None:
        return []
    entries = await unit.waitlist.waiting_for(space.units, released)
    promoted = []
    for entry in entries:
        option = await _try_option(unit, entry, catalog, option_days, now)
        if option is not None:
            promoted.append(option)
    return promoted


async def _try_option(
    unit: VenueUnit, entry: Any, catalog: Catalog, option_days: int, now: datetime
) -> uuid.UUID | None:
    space = catalog.space(entry["space_id"])
    assert space is not None
    booking_id, until = uuid.uuid4(), option_until(now, entry["starts_at"], option_days)
    organizer = Organizer(
        name=entry["name"], email=entry["email"], locale=entry["locale"], time_zone=entry["time_zone"]
    )
    request = BookingRequest(
        space_id=space.id,
        layout=entry["layout"],
        starts_at=entry["starts_at"],
        ends_at=entry["ends_at"],
        attendees=entry["attendees"],
        time_zone=organizer.time_zone,
    )
    try:
        async with unit.savepoint():  # still taken by someone else is fine
            blocked, closed = await hold_window(unit, catalog, space, request)
            if closed:  # a closure came since they queued: they keep waiting
                return None
            await unit.bookings.insert(_option_row(booking_id, entry, organizer), space.units, blocked)
    except HoldTaken:
        return None
    await unit.options.set_expiry(booking_id, until)
    await unit.waitlist.promoted(entry["id"], booking_id)
    detail = {"waitlist_id": str(entry["id"])}
    await unit.audit.record(booking_id, SYSTEM, "promoted from the waitlist", detail, trace_id_hex())
    unit.publish(await booking_event(unit, booking_id, catalog, WaitlistPromoted, expires_at=until))
    return booking_id


def _option_row(booking_id: uuid.UUID, entry: Any, organizer: Organizer) -> dict[str, Any]:
    return {
        "id": booking_id,
        "idempotency_key": None,
        "request_hash": "",
        "organizer_id": entry["organizer_id"],
        "created_by": None,
        "space_id": entry["space_id"],
        "layout": entry["layout"],
        "starts_at": entry["starts_at"],
        "ends_at": entry["ends_at"],
        "attendees": entry["attendees"],
        "title": entry["title"],
        "organizer": organizer_json(organizer),
        "interpreting": None,
        "catering": None,
        "status": "option",
        "phase": "option",
        "trace_id": trace_id_hex(),
        "trace_context": {},
    }
