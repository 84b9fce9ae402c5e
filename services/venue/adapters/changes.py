"""SQL for change sagas: a booking's changes (booking_changes) and their steps (change_steps)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg

_INSERT = """
INSERT INTO booking_changes (booking_id, revision, state, plan, previous, changes, actor, trace_id, trace_context)
VALUES ($1, $2, 'running', $3, $4, $5, $6, $7, $8)
"""
_INSERT_STEPS = """
INSERT INTO change_steps (booking_id, revision, step, position, state, deadline)
SELECT $1, $2, step, position, 'pending', deadline
FROM unnest($3::text[], $4::timestamptz[]) WITH ORDINALITY AS s(step, deadline, position)
"""
_SET_STEP = """
UPDATE change_steps SET state = $4, detail = COALESCE($5, detail), updated_at = now(),
    deadline = CASE WHEN $4 = 'pending' THEN deadline END
WHERE booking_id = $1 AND revision = $2 AND step = $3
"""
_DUE_STEP = """
SELECT s.booking_id, s.revision, s.step, c.trace_context FROM change_steps s
JOIN booking_changes c USING (booking_id, revision) JOIN bookings b ON b.id = s.booking_id
WHERE s.deadline < now() ORDER BY s.deadline LIMIT 1 FOR UPDATE OF b SKIP LOCKED
"""


class ChangeRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def running(self, booking_id: uuid.UUID) -> int | None:
        """The revision of the booking's change still running, if there is one."""
        revision: int | None = await self.connection.fetchval(
            "SELECT revision FROM booking_changes WHERE booking_id = $1 AND state = 'running'", booking_id
        )
        return revision

    async def next_revision(self, booking_id: uuid.UUID, live: int) -> int:
        """Above the live plan's and every change's before (a rejected change's row stays)."""
        revision: int = await self.connection.fetchval(
            "SELECT greatest($2, max(revision)) + 1 FROM booking_changes WHERE booking_id = $1",
            booking_id,
            live,
        )
        return revision

    async def insert(
        self,
        booking_id: uuid.UUID,
        revision: int,
        plan: dict[str, Any],
        previous: dict[str, Any],
        changes: list[str],
        actor: str,
        trace: tuple[str, dict[str, str]],
    ) -> None:
        """A running change and its plan; ``trace`` is the trace id and context it runs in."""
        trace_id, trace_context = trace
        await self.connection.execute(
            _INSERT, booking_id, revision, plan, previous, changes, actor, trace_id, trace_context
        )

    async def add_steps(
        self, booking_id: uuid.UUID, revision: int, steps: list[str], deadlines: list[datetime]
    ) -> None:
        await self.connection.execute(_INSERT_STEPS, booking_id, revision, steps, deadlines)

    async def get(self, booking_id: uuid.UUID, revision: int) -> asyncpg.Record | None:
        """Its state, reason and the plan it replaces."""
        return await self.connection.fetchrow(
            "SELECT state, reason, previous FROM booking_changes WHERE booking_id = $1 AND revision = $2",
            booking_id,
            revision,
        )

    async def steps(self, booking_id: uuid.UUID, revision: int) -> list[asyncpg.Record]:
        return await self.connection.fetch(
            "SELECT step, state FROM change_steps WHERE booking_id = $1 AND revision = $2 ORDER BY position",
            booking_id,
            revision,
        )

    async def set_step(
        self, booking_id: uuid.UUID, revision: int, step: str, state: str, detail: str | None
    ) -> None:
        await self.connection.execute(_SET_STEP, booking_id, revision, step, state, detail)

    async def plan(self, booking_id: uuid.UUID, revision: int) -> asyncpg.Record:
        """The change's plan (as stored: times in ISO text), what it changes and who asked."""
        row: asyncpg.Record = await self.connection.fetchrow(
            "SELECT plan, changes, actor FROM booking_changes WHERE booking_id = $1 AND revision = $2",
            booking_id,
            revision,
        )
        return row

    async def applied(self, booking_id: uuid.UUID, revision: int) -> None:
        await self.connection.execute(
            "UPDATE booking_changes SET state = 'applied', updated_at = now() WHERE booking_id = $1 AND revision = $2",
            booking_id,
            revision,
        )

    async def rejected(self, booking_id: uuid.UUID, revision: int, reason: str) -> None:
        await self.connection.execute(
            "UPDATE booking_changes SET state = 'rejected', reason = $3, updated_at = now()"
            " WHERE booking_id = $1 AND revision = $2",
            booking_id,
            revision,
            reason,
        )

    async def awaiting_approval(self, booking_id: uuid.UUID) -> int | None:
        """The revision of the booking's change waiting for staff, if one is."""
        revision: int | None = await self.connection.fetchval(
            "SELECT revision FROM change_steps WHERE booking_id = $1 AND step = 'approval' AND state = 'pending'",
            booking_id,
        )
        return revision

    async def due_step(self) -> asyncpg.Record | None:
        """One change step past its deadline, its booking locked so other instances skip it."""
        return await self.connection.fetchrow(_DUE_STEP)

    async def clear_deadline(self, booking_id: uuid.UUID, revision: int, step: str) -> None:
        await self.connection.execute(
            "UPDATE change_steps SET deadline = NULL WHERE booking_id = $1 AND revision = $2 AND step = $3",
            booking_id,
            revision,
            step,
        )

    async def of_booking(self, booking_id: uuid.UUID) -> list[asyncpg.Record]:
        """The booking's changes, newest first."""
        return await self.connection.fetch(
            "SELECT revision, state, changes, reason, created_at, updated_at FROM booking_changes"
            " WHERE booking_id = $1 ORDER BY revision DESC",
            booking_id,
        )
