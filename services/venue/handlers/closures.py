"""Use cases of closures and blackouts: staff close a space or the whole venue; new bookings meeting a
closure are refused, and the bookings already held then are listed (not cancelled)."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.booking import Interval
from services.venue.domain.catalog import Catalog
from services.venue.domain.closures import closure_rules, closure_units
from services.venue.handlers.errors import InvalidRequest
from shared.telemetry import trace_id_hex

log = logging.getLogger(__name__)


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


async def close(
    command: NewClosure, database: VenueDatabase, catalog: Catalog, dry_run: bool
) -> ClosureOutcome:
    """Close a space or the venue and list the bookings held then (not cancelled); a dry run only lists."""
    rules = closure_rules(catalog, command.space_id, command.starts_at, command.ends_at)
    if rules:
        raise InvalidRequest(rules)
    units, during = closure_units(catalog, command.space_id), Interval(command.starts_at, command.ends_at)
    if dry_run:
        async with database.autocommit() as unit:
            return ClosureOutcome(None, units, await unit.calendar.bookings_hit(units, during))
    closure_id = uuid.uuid4()
    async with database.transaction() as unit:
        await unit.calendar.lock_for_closure()
        await unit.calendar.insert_closure(
            closure_id, command.space_id, units, during, command.reason, command.account_id
        )
        hits = await unit.calendar.bookings_hit(units, during)
        detail = {"closure_id": str(closure_id), "reason": command.reason}
        for hit in hits:
            await unit.audit.record(hit["id"], command.actor, "closure hit", detail, trace_id_hex())
    log.info(
        "closure placed",
        extra={
            "fields": {"closure_id": str(closure_id), "space_id": command.space_id, "bookings_hit": len(hits)}
        },
    )
    return ClosureOutcome(closure_id, units, hits)


async def reopen(closure_id: uuid.UUID, database: VenueDatabase, actor: str) -> bool:
    """Delete a closure; False if there was none."""
    async with database.transaction() as unit:
        deleted = await unit.calendar.delete_closure(closure_id)
    if deleted:
        log.info("closure removed", extra={"fields": {"closure_id": str(closure_id), "actor": actor}})
    return deleted


async def closures_during(database: VenueDatabase, window: Interval) -> list[Any]:
    """The closures meeting ``window`` (rows), earliest first."""
    async with database.autocommit() as unit:
        return await unit.calendar.closures(window)
