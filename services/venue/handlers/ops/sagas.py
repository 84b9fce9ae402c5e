"""Use cases of ops' views of the sagas: by state, stuck, and vendor tasks past their answer deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.venue.adapters.ops.sagas import BOOKING_REVISION, SagaQuery, SagaRef
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.ops import StuckRules, WaitingStep, why_stuck


@dataclass(frozen=True)
class SagaView:
    row: Any
    waiting: list[WaitingStep]
    stuck_because: list[str]


def ref_of(row: Any) -> SagaRef:
    return row["booking_id"], row["revision"]


def revision_of(row: Any) -> int | None:
    return None if row["revision"] == BOOKING_REVISION else int(row["revision"])


async def sagas_by_state(
    database: VenueDatabase, query: SagaQuery
) -> tuple[dict[str, dict[str, int]], list[SagaView]]:
    """Counts per kind and state, and one page of the sagas the query asks for with their waiting steps."""
    async with database.autocommit() as unit:
        counts = await unit.ops.saga_counts()
        rows = await unit.ops.sagas(query)
        waiting = await unit.ops.waiting_steps([ref_of(row) for row in rows])
    return counts, [SagaView(row, waiting.get(ref_of(row), []), []) for row in rows]


async def stuck_sagas(
    database: VenueDatabase, rules: StuckRules, now: datetime, limit: int
) -> list[SagaView]:
    """Sagas the deadline sweep should have ended, or that no deadline will end; oldest first."""
    async with database.autocommit() as unit:
        rows = await unit.ops.stuck_candidates(now - rules.grace, now - rules.in_flight, limit)
        waiting = await unit.ops.waiting_steps([ref_of(row) for row in rows])
    views = []
    for row in rows:
        steps = waiting.get(ref_of(row), [])
        reasons = why_stuck(row["kind"], row["state"], row["started_at"], steps, now, rules)
        if reasons:
            views.append(SagaView(row, steps, reasons))
    return views


async def overdue_vendor_tasks(database: VenueDatabase, now: datetime, limit: int) -> list[Any]:
    """Tasks still waiting for their vendor's answer after its deadline (their service should have
    expired and reassigned them)."""
    async with database.autocommit() as unit:
        return await unit.ops.overdue_tasks(now, limit)
