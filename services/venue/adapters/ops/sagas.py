"""SQL for ops: sagas by state, the ones that may be stuck, overdue vendor tasks, and ops' audit trail.

A booking saga is a row of ``bookings`` (its state is the phase), a change saga a row of
``booking_changes``; their waiting steps are in ``saga_steps`` and ``change_steps``. Listing sagas by
state reads the whole tables (no index on the state): fine for ops, not for a hot path.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

from services.venue.domain.ops import IN_FLIGHT, WAITING, WaitingStep

BOOKING_REVISION = -1  # sorts a booking saga beside its change sagas (revisions from 1)

_COUNTS = """
SELECT 'booking' AS kind, phase AS state, count(*) AS sagas FROM bookings GROUP BY phase
UNION ALL
SELECT 'change', state, count(*) FROM booking_changes GROUP BY state
"""

_SAGAS = f"""
SELECT * FROM (
    SELECT 'booking' AS kind, id AS booking_id, {BOOKING_REVISION} AS revision, phase AS state, status, reason,
           trace_id, created_at AS started_at, updated_at
    FROM bookings WHERE ($1::text IS NULL OR $1 = 'booking') AND ($2::text IS NULL OR phase = $2)
    UNION ALL
    SELECT 'change', booking_id, revision, state, NULL, reason, trace_id, created_at, updated_at
    FROM booking_changes WHERE ($1::text IS NULL OR $1 = 'change') AND ($2::text IS NULL OR state = $2)
) AS sagas
WHERE $3::timestamptz IS NULL OR (updated_at, booking_id, revision) < ($3, $4::uuid, $5::int)
ORDER BY updated_at DESC, booking_id DESC, revision DESC
LIMIT $6
"""


@dataclass(frozen=True)
class SagaQuery:
    """Which sagas to list, newest change first, after the position ``after`` if given."""

    kind: str | None = None
    state: str | None = None
    after: tuple[datetime, uuid.UUID, int] | None = None
    limit: int = 100


SagaRef = tuple[uuid.UUID, int]  # (booking id, revision; BOOKING_REVISION for the booking saga)


_STUCK = f"""
SELECT 'booking' AS kind, b.id AS booking_id, {BOOKING_REVISION} AS revision, b.phase AS state, b.trace_id,
       -- an option's saga starts when it is converted: its steps are added then
       greatest(b.created_at, (SELECT max(s.started_at) FROM saga_steps s WHERE s.booking_id = b.id)) AS started_at,
       b.updated_at
FROM bookings b
WHERE (b.phase = ANY($3::text[]) AND b.created_at < $2)
   OR EXISTS (SELECT 1 FROM saga_steps s WHERE s.booking_id = b.id AND s.deadline < $1)
UNION ALL
SELECT 'change', c.booking_id, c.revision, c.state, c.trace_id, c.created_at, c.updated_at
FROM booking_changes c
WHERE (c.state = ANY($4::text[]) AND c.created_at < $2)
   OR EXISTS (SELECT 1 FROM change_steps s
              WHERE (s.booking_id, s.revision) = (c.booking_id, c.revision) AND s.deadline < $1)
ORDER BY started_at
LIMIT $5
"""


_OVERDUE = """
SELECT t.task_id, t.booking_id, t.kind, t.vendor_id, t.state, t.reason, t.answer_due, t.version, t.updated_at,
       b.title, b.starts_at, b.organizer ->> 'time_zone' AS organizer_zone
FROM vendor_task_states t JOIN bookings b ON b.id = t.booking_id
WHERE t.state = 'awaiting_answer' AND t.answer_due < $1
ORDER BY t.answer_due, t.task_id
LIMIT $2
"""


class OpsRepository:
    """Ops' reads of the sagas and vendor tasks, and ops' audit trail, on the unit's connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def saga_counts(self) -> dict[str, dict[str, int]]:
        """How many sagas of each kind are in each state."""
        counts: dict[str, dict[str, int]] = {"booking": {}, "change": {}}
        for row in await self.connection.fetch(_COUNTS):
            counts[row["kind"]][row["state"]] = row["sagas"]
        return counts

    async def sagas(self, query: SagaQuery) -> list[asyncpg.Record]:
        at, booking_id, revision = query.after or (None, None, None)
        return await self.connection.fetch(
            _SAGAS, query.kind, query.state, at, booking_id, revision, query.limit
        )

    async def waiting_steps(self, refs: list[SagaRef]) -> dict[SagaRef, list[WaitingStep]]:
        """The steps each saga waits on (a command sent, no answer yet), by position."""
        bookings = [booking_id for booking_id, revision in refs if revision == BOOKING_REVISION]
        changes = [(booking_id, revision) for booking_id, revision in refs if revision != BOOKING_REVISION]
        rows = await self.connection.fetch(
            f"SELECT booking_id, {BOOKING_REVISION} AS revision, step, state, deadline, position FROM saga_steps"
            " WHERE booking_id = ANY($1::uuid[]) AND state = ANY($3::text[])"
            " UNION ALL SELECT s.booking_id, s.revision, s.step, s.state, s.deadline, s.position"
            " FROM change_steps s JOIN unnest($2::uuid[], $4::int[]) AS c(booking_id, revision)"
            " ON (s.booking_id, s.revision) = (c.booking_id, c.revision) WHERE s.state = ANY($3::text[])"
            " ORDER BY position",
            bookings,
            [booking_id for booking_id, _ in changes],
            list(WAITING),
            [revision for _, revision in changes],
        )
        found: dict[SagaRef, list[WaitingStep]] = defaultdict(list)
        for row in rows:
            found[(row["booking_id"], row["revision"])].append(
                WaitingStep(row["step"], row["state"], row["deadline"])
            )
        return found

    async def stuck_candidates(
        self, overdue_before: datetime, started_before: datetime, limit: int
    ) -> list[asyncpg.Record]:
        """Sagas with a step whose deadline is before ``overdue_before``, or in flight since before
        ``started_before``; oldest first. The rules (``domain.ops.why_stuck``) decide which are stuck."""
        return await self.connection.fetch(
            _STUCK,
            overdue_before,
            started_before,
            list(IN_FLIGHT["booking"]),
            list(IN_FLIGHT["change"]),
            limit,
        )

    async def overdue_tasks(self, now: datetime, limit: int) -> list[asyncpg.Record]:
        """Vendor tasks still awaiting the vendor's answer after their answer deadline, longest overdue first."""
        return await self.connection.fetch(_OVERDUE, now, limit)

    async def audit(
        self,
        booking_id: uuid.UUID | None,
        actor: str,
        action: str,
        detail: dict[str, Any],
        trace_id: str,
    ) -> None:
        """An ops action in the audit log, on the booking it concerns if that is one of ours."""
        await self.connection.execute(
            "INSERT INTO audit_log (booking_id, actor, action, detail, trace_id)"
            " VALUES ((SELECT id FROM bookings WHERE id = $1), $2, $3, $4, $5)",
            booking_id,
            actor,
            action,
            detail,
            trace_id,
        )

    async def ops_trail(self, before: int | None, limit: int) -> list[asyncpg.Record]:
        """Ops' actions on dead letters, newest first, below id ``before``."""
        return await self.connection.fetch(
            "SELECT id, booking_id, actor, action, detail, trace_id, at FROM audit_log"
            " WHERE action LIKE 'dead letter %' AND ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2",
            before,
            limit,
        )
