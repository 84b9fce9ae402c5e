"""Where a new hold goes: the interval it blocks (grown for layout changes) and the closures it meets."""

from __future__ import annotations

from services.venue.adapters.unit_of_work import VenueUnit
from services.venue.domain.booking import BookingRequest, Interval, Violation
from services.venue.domain.catalog import Catalog, Space
from services.venue.domain.changeover import Block, closures_hit, hold_for, margin
from services.venue.domain.schedule import venue_clock


async def hold_window(
    unit: VenueUnit, catalog: Catalog, space: Space, request: BookingRequest
) -> tuple[Interval, list[Violation]]:
    """The interval a new booking holds (setup and teardown grown for layout changes) and the
    closures it meets. Call in the create transaction before inserting the hold: it takes the
    calendar lock and the (unit, day) locks of the insert, so what it reads stays true until commit."""
    width = margin(catalog)
    window = Interval(request.starts_at - width, request.ends_at + width)
    await unit.calendar.lock_for_hold(space.units, window)
    nearby = await unit.calendar.blocks(space.units, window)
    hold = hold_for(space, request.layout, request.starts_at, request.ends_at, nearby, catalog.venue)
    closed = closures_hit(hold, space.units, nearby)
    return hold, [_closed(space, closure, catalog) for closure in closed]


def _closed(space: Space, closure: Block, catalog: Catalog) -> Violation:
    venue = catalog.venue
    when = f"{venue_clock(closure.starts_at, venue)} – {venue_clock(closure.ends_at, venue)}"
    return Violation(
        "starts_at", f"{space.id} is closed {when} ({closure.reason}), setup and teardown included"
    )
