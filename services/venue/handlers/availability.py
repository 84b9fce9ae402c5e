"""Use case of availability: the free windows of every space that fits a request."""

from __future__ import annotations

from datetime import datetime

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.availability import Query, SpaceWindows, free_windows, query_rules
from services.venue.domain.booking import Interval
from services.venue.domain.catalog import Catalog
from services.venue.domain.changeover import margin
from services.venue.domain.closures import closure_units
from services.venue.handlers.errors import InvalidRequest


async def availability(
    query: Query, database: VenueDatabase, catalog: Catalog, now: datetime
) -> list[SpaceWindows]:
    """Free windows of every space that fits: one read of the period's blocked time, then arithmetic."""
    rules = query_rules(query, catalog)
    if rules:
        raise InvalidRequest(rules)
    width = margin(catalog)
    window = Interval(query.starts_from - width, query.ends_by + width)
    async with database.autocommit() as unit:
        busy = await unit.calendar.busy(closure_units(catalog, None), window)
    return free_windows(query, catalog, busy, now, width)
