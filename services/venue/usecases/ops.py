"""Use cases of ops' views of the sagas: by state, stuck, and vendor tasks past their answer deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import asyncpg

from services.venue.adapters import ops
from services.venue.adapters.ops import BOOKING_REVISION, SagaQuery, SagaRef
from services.venue.domain.ops import StuckRules, WaitingStep, why_stuck
from shared.db.unit_of_work import Database


@dataclass(frozen=True)
class SagaView:
    row: asyncpg.Record
    waiting: list[WaitingStep]
    stuck_because: list[str]


def ref_of(row: asyncpg.Record) -> SagaRef:
    return row["booking_id"], row["revision"]


def revision_of(row: asyncpg.Record) -> int | None:
    return None if row["revision"] == BOOKING_REVISION else int(row["revision"])


async def sagas_by_state(
    database: Database, query: SagaQuery
) -> tuple[dict[str, dict[str, int]], list[SagaView]]:
    """Counts per kind and state, and one page of the sagas the query asks for with their waiting steps."""
    async with database.connection() as connection:
        counts = await ops.saga_counts(connection)
        rows = await ops.sagas(connection, query)
        waiting = await ops.waiting_steps(connection, [ref_of(row) for row in rows])
    return counts, [SagaView(row, waiting.get(ref_of(row), []), []) for row in rows]


async def stuck_sagas(database: Database, rules: StuckRules, now: datetime, limit: int) -> list[SagaView]:
    """Sagas the deadline sweep should have ended, or that no deadline will end; oldest first."""
    async with database.connection() as connection:
        rows = await ops.stuck_candidates(connection, now - rules.grace, now - rules.in_flight, limit)
        waiting = await ops.waiting_steps(connection, [ref_of(row) for row in rows])
    views = []
    for row in rows:
        steps = waiting.get(ref_of(row), [])
        reasons = why_stuck(row["kind"], row["state"], row["started_at"], steps, now, rules)
        if reasons:
            views.append(SagaView(row, steps, reasons))
    return views


async def overdue_vendor_tasks(database: Database, now: datetime, limit: int) -> list[asyncpg.Record]:
    """Tasks still waiting for their vendor's answer after its deadline (their service should have
    expired and reassigned them)."""
    async with database.connection() as connection:
        return await ops.overdue_tasks(connection, now, limit)
