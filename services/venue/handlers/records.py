"""Use cases of exchange-activity records and the venue's performance sheet."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal
from services.venue.domain.booking import Violation
from services.venue.domain.records import country_codes, distinct_names, refusal
from services.venue.handlers.errors import Conflict, Invalid, NotFound
from services.venue.handlers.views import visible_booking

LONGEST_PERIOD = timedelta(days=3660)


@dataclass(frozen=True)
class ActivityFigures:
    physical_attendees: int
    online_attendees: int
    guest_countries: list[str]
    media_reports: int
    cooperation_partners: list[str]
    follow_up_actions: list[str]


async def save_record(
    database: VenueDatabase,
    principal: Principal,
    booking_id: uuid.UUID,
    figures: ActivityFigures,
    now: datetime,
    trace_id: str,
) -> Any:
    """Record (or correct) what happened at a confirmed event that has ended; Conflict before that."""
    countries, violations = country_codes(figures.guest_countries)
    if violations:
        raise Invalid(violations)
    figures = replace(
        figures, guest_countries=countries, cooperation_partners=distinct_names(figures.cooperation_partners)
    )
    async with database.transaction() as unit:
        booking = await visible_booking(unit, principal, booking_id, lock="FOR SHARE")
        reason = refusal(booking["status"], booking["ends_at"], now)
        if reason:
            raise Conflict(reason)
        row = await unit.records.save_record(booking_id, figures.__dict__, principal.actor)
        summary = {
            "physical_attendees": figures.physical_attendees,
            "online_attendees": figures.online_attendees,
            "countries": len(countries),
            "media_reports": figures.media_reports,
        }
        await unit.audit.record(booking_id, principal.actor, "activity_recorded", summary, trace_id)
    return row


async def get_record(database: VenueDatabase, principal: Principal, booking_id: uuid.UUID) -> Any:
    async with database.autocommit() as unit:
        await visible_booking(unit, principal, booking_id)
        row = await unit.records.record(booking_id)
    if row is None:
        raise NotFound(f"booking {booking_id} has no activity record yet")
    return row


async def performance_sheet(
    database: VenueDatabase, first_day: date, last_day: date, zone: ZoneInfo, now: datetime
) -> Any:
    """Totals over the venue-local days ``first_day`` to ``last_day``, both included."""
    if last_day < first_day:
        raise Invalid([Violation("to", "must not be before from")])
    starts_at = datetime.combine(first_day, time(0), zone)
    ends_at = datetime.combine(last_day + timedelta(days=1), time(0), zone)
    if ends_at - starts_at > LONGEST_PERIOD:
        raise Invalid([Violation("to", f"a period spans at most {LONGEST_PERIOD.days} days")])
    async with database.autocommit() as unit:
        return await unit.records.performance_sheet(starts_at, ends_at, now)
