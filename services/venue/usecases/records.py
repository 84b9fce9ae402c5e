"""Use cases of exchange-activity records and the venue's performance sheet."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import asyncpg

from services.venue.adapters import accounts, records
from services.venue.domain.access import Principal
from services.venue.domain.booking import Violation
from services.venue.domain.records import country_codes, distinct_names, refusal
from services.venue.usecases.common import Conflict, Invalid, NotFound, visible_booking
from shared.db.unit_of_work import Database

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
    database: Database,
    principal: Principal,
    booking_id: uuid.UUID,
    figures: ActivityFigures,
    now: datetime,
    trace_id: str,
) -> asyncpg.Record:
    """Record (or correct) what happened at a confirmed event that has ended; Conflict before that."""
    countries, violations = country_codes(figures.guest_countries)
    if violations:
        raise Invalid(violations)
    figures = replace(
        figures, guest_countries=countries, cooperation_partners=distinct_names(figures.cooperation_partners)
    )
    async with database.transaction() as unit:
        booking = await visible_booking(unit.connection, principal, booking_id, lock="FOR SHARE")
        reason = refusal(booking["status"], booking["ends_at"], now)
        if reason:
            raise Conflict(reason)
        row = await records.save_record(unit.connection, booking_id, figures.__dict__, principal.actor)
        summary = {
            "physical_attendees": figures.physical_attendees,
            "online_attendees": figures.online_attendees,
            "countries": len(countries),
            "media_reports": figures.media_reports,
        }
        await accounts.audit(
            unit.connection, booking_id, principal.actor, "activity_recorded", summary, trace_id
        )
    return row


async def get_record(database: Database, principal: Principal, booking_id: uuid.UUID) -> asyncpg.Record:
    async with database.connection() as connection:
        await visible_booking(connection, principal, booking_id)
        row = await records.record(connection, booking_id)
    if row is None:
        raise NotFound(f"booking {booking_id} has no activity record yet")
    return row


async def performance_sheet(
    database: Database, first_day: date, last_day: date, zone: ZoneInfo, now: datetime
) -> asyncpg.Record:
    """Totals over the venue-local days ``first_day`` to ``last_day``, both included."""
    if last_day < first_day:
        raise Invalid([Violation("to", "must not be before from")])
    starts_at = datetime.combine(first_day, time(0), zone)
    ends_at = datetime.combine(last_day + timedelta(days=1), time(0), zone)
    if ends_at - starts_at > LONGEST_PERIOD:
        raise Invalid([Violation("to", f"a period spans at most {LONGEST_PERIOD.days} days")])
    async with database.connection() as connection:
        return await records.performance_sheet(connection, starts_at, ends_at, now)
