"""Use cases of the space calendar: the hold of a new booking, closures, availability."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

from services.venue.adapters import accounts
from services.venue.adapters import closures as calendar_db
from services.venue.domain.availability import Query, SpaceWindows, free_windows, query_rules
from services.venue.domain.booking import BookingRequest, Interval, Violation
from services.venue.domain.catalog import Catalog, Space
from services.venue.domain.changeover import Block, closures_hit, hold_for, margin
from services.venue.domain.closures import closure_rules, closure_units
from services.venue.domain.schedule import Rule, venue_clock
from shared.db.unit_of_work import Database
from shared.telemetry import trace_id_hex

log = logging.getLogger(__name__)


class InvalidRequest(Exception):
    def __init__(self, rules: list[Rule]) -> None:
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in rules))
        self.rules = rules


async def hold_window(
    connection: asyncpg.Connection, catalog: Catalog, space: Space, request: BookingRequest
) -> tuple[Interval, list[Violation]]:
    """The interval a new booking holds (setup and teardown grown for layout changes) and the
    closures it meets. Call in the create transaction before inserting the hold: it takes the
    calendar lock and the (unit, day) locks of the insert, so what it reads stays true until commit."""
    width = margin(catalog)
    window = Interval(request.starts_at - width, request.ends_at + width)
    await calendar_db.lock_for_hold(connection, space.units, window)
    nearby = await calendar_db.blocks(connection, space.units, window)
    hold = hold_for(space, request.layout, request.starts_at, request.ends_at, nearby, catalog.venue)
    closed = closures_hit(hold, space.units, nearby)
    return hold, [_closed(space, closure, catalog) for closure in closed]


def _closed(space: Space, closure: Block, catalog: Catalog) -> Violation:
    venue = catalog.venue
    when = f"{venue_clock(closure.starts_at, venue)} – {venue_clock(closure.ends_at, venue)}"
    return Violation(
        "starts_at", f"{space.id} is closed {when} ({closure.reason}), setup and teardown included"
    )


@dataclass(frozen=True)
class NewClosure:
    space_id: str | None
    starts_at: datetime
    ends_at: datetime
    reason: str
    actor: str
    account_id: uuid.UUID | None


@dataclass(frozen=True)
class ClosureOutcome:
    closure_id: uuid.UUID | None  # None for a dry run
    units: list[str]
    hits: list[Any]  # the bookings held during the closure (rows)


async def close(command: NewClosure, database: Database, catalog: Catalog, dry_run: bool) -> ClosureOutcome:
    """Close a space or the venue and list the bookings held then (not cancelled); a dry run only lists."""
    rules = closure_rules(catalog, command.space_id, command.starts_at, command.ends_at)
    if rules:
        raise InvalidRequest(rules)
    units, during = closure_units(catalog, command.space_id), Interval(command.starts_at, command.ends_at)
    if dry_run:
        async with database.connection() as connection:
            return ClosureOutcome(None, units, await calendar_db.bookings_hit(connection, units, during))
    closure_id = uuid.uuid4()
    async with database.transaction() as unit:
        await calendar_db.lock_for_closure(unit.connection)
        await calendar_db.insert_closure(
            unit.connection, closure_id, command.space_id, units, during, command.reason, command.account_id
        )
        hits = await calendar_db.bookings_hit(unit.connection, units, during)
        for hit in hits:
            await accounts.audit(
                unit.connection,
                hit["id"],
                command.actor,
                "closure hit",
                {"closure_id": str(closure_id), "reason": command.reason},
                trace_id_hex(),
            )
    log.info(
        "closure placed",
        extra={
            "fields": {"closure_id": str(closure_id), "space_id": command.space_id, "bookings_hit": len(hits)}
        },
    )
    return ClosureOutcome(closure_id, units, hits)


async def reopen(closure_id: uuid.UUID, database: Database, actor: str) -> bool:
    """Delete a closure; False if there was none."""
    async with database.transaction() as unit:
        deleted = await calendar_db.delete_closure(unit.connection, closure_id)
    if deleted:
        log.info("closure removed", extra={"fields": {"closure_id": str(closure_id), "actor": actor}})
    return deleted


async def closures_during(database: Database, window: Interval) -> list[Any]:
    """The closures meeting ``window`` (rows), earliest first."""
    async with database.connection() as connection:
        return await calendar_db.closures(connection, window)


async def availability(
    query: Query, database: Database, catalog: Catalog, now: datetime
) -> list[SpaceWindows]:
    """Free windows of every space that fits: one read of the period's blocked time, then arithmetic."""
    rules = query_rules(query, catalog)
    if rules:
        raise InvalidRequest(rules)
    width = margin(catalog)
    window = Interval(query.starts_from - width, query.ends_by + width)
    async with database.connection() as connection:
        busy = await calendar_db.busy(connection, closure_units(catalog, None), window)
    return free_windows(query, catalog, busy, now, width)
