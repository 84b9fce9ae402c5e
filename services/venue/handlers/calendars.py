"""Use cases of calendars: a booking or a series as an .ics file, and a space's public busy-time feed."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal
from services.venue.domain.catalog import Catalog
from services.venue.domain.ical import CalendarEvent, calendar
from services.venue.domain.series_calendar import SeriesEntry, SeriesEvent, series_calendar
from services.venue.handlers.errors import NotFound
from services.venue.handlers.series import series_of
from services.venue.handlers.views import visible_booking

# an option or a booking whose services are being arranged may still fall through; any other: CANCELLED
ICS_STATUS = {"option": "TENTATIVE", "pending": "TENTATIVE", "confirmed": "CONFIRMED"}
FEED_HORIZON = timedelta(days=366)


async def booking_calendar(
    database: VenueDatabase, principal: Principal, catalog: Catalog, booking_id: uuid.UUID, now: datetime
) -> str:
    """One VEVENT: the event's time (not setup), its title and space, and whether it takes place."""
    async with database.autocommit() as unit:
        booking = await visible_booking(unit, principal, booking_id)
    space = catalog.space(booking["space_id"])
    locale = booking["organizer"].get("locale", "en")
    event = CalendarEvent(
        uid=f"{booking_id}@wict",
        starts_at=booking["starts_at"],
        ends_at=booking["ends_at"],
        summary=booking["title"],
        status=ICS_STATUS.get(booking["status"], "CANCELLED"),
        location=space.label(locale) if space else booking["space_id"],
        description=f"WICT booking {booking_id}",
        last_modified=booking["updated_at"],
    )
    return calendar([event], now)


async def space_feed(database: VenueDatabase, catalog: Catalog, space_id: str, now: datetime) -> str:
    """The space's busy blocks (setup and teardown included) from today for the next 12 months."""
    space = catalog.space(space_id)
    if space is None:
        raise NotFound(f"no space {space_id!r}")
    zone = catalog.venue.zone
    today = datetime.combine(now.astimezone(zone).date(), time(0), zone)
    async with database.autocommit() as unit:
        blocks = await unit.calendar.busy_blocks(space.units, today, today + FEED_HORIZON)
    events = [
        CalendarEvent(
            uid=_block_uid(block["booking_id"], space.id),
            starts_at=block["starts_at"],
            ends_at=block["ends_at"],
            summary="Booked",
        )
        for block in blocks
    ]
    return calendar(events, now, name=f"WICT {space.label()}: busy times")


def _block_uid(booking_id: uuid.UUID, space_id: str) -> str:
    """Stable per block and feed, without revealing the booking's id."""
    return hashlib.sha256(f"{booking_id}/{space_id}".encode()).hexdigest()[:32] + "@wict"


async def series_calendar_text(
    database: VenueDatabase, principal: Principal, catalog: Catalog, series_id: uuid.UUID, now: datetime
) -> str:
    """The series as one recurring event: skipped, cancelled and rejected occurrences as EXDATEs."""
    series, occurrences = await series_of(database, principal, series_id)
    space = catalog.space(series["space_id"])
    entries = [
        SeriesEntry(
            starts_at=row["starts_at"],
            ends_at=row["ends_at"],
            takes_place=row["status"] in ICS_STATUS,
            booked_starts_at=row["booked_starts_at"],
            booked_ends_at=row["booked_ends_at"],
        )
        for row in occurrences
    ]
    event = SeriesEvent(
        uid=f"{series_id}@wict",
        rule=series["rrule"],
        zone=ZoneInfo(series["time_zone"]),
        zone_name=series["time_zone"],
        summary=series["title"],
        location=space.label(principal.locale) if space else series["space_id"],
        description=f"WICT booking series {series_id}",
        entries=entries,
    )
    return series_calendar(event, now)
