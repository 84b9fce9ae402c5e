"""SQL for the booking saga's steps (saga_steps) and its phase on the booking row."""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

from services.venue.domain.saga import Phase, Saga, StepState

_INSERT_STEPS = """
INSERT INTO saga_steps (booking_id, step, position, state, deadline)
SELECT $1, step, position + 1, $3, deadline
FROM unnest($2::text[], $4::timestamptz[]) WITH ORDINALITY AS s(step, deadline, position)
"""
# ``o`` is read from the statement's snapshot: the step as it was before this update
_SAVE_STEPS = """
UPDATE saga_steps s SET state = c.state, updated_at = now(),
    detail = COALESCE(c.detail, s.detail),
    deadline = CASE WHEN c.state IN ('pending', 'releasing') THEN $5::timestamptz END
FROM unnest($2::text[], $3::text[], $4::text[]) AS c(step, state, detail), saga_steps o
WHERE s.booking_id = $1 AND s.step = c.step AND o.booking_id = $1 AND o.step = c.step
RETURNING s.step, extract(epoch FROM now() - o.updated_at)::float8 AS waited
"""
_SAVE_PHASE = """
UPDATE bookings SET phase = $2, status = $3, reason = $4, updated_at = now() WHERE id = $1
RETURNING extract(epoch FROM now() - (SELECT min(started_at) FROM saga_steps
                                      WHERE booking_id = $1 AND step <> 'hold'))::float8
"""
# the saga's state and what every booking event carries (``handlers/events.py`` builds them from it)
_LOCK = """
SELECT id, phase, reason, revision, space_id, organizer, interpreting, catering, title, starts_at, ends_at,
       fee_minor, currency
FROM bookings WHERE id = $1 FOR UPDATE
"""
_STATUS = {Phase.CONFIRMED: "confirmed", Phase.REJECTED: "rejected", Phase.CANCELLED: "cancelled"}


class SagaRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def add_steps(self, booking_id: uuid.UUID, deadlines: dict[str, datetime]) -> None:
        """The saga's participant steps, pending, each with its deadline, after the hold."""
        if deadlines:
            await self.connection.execute(
                _INSERT_STEPS, booking_id, list(deadlines), StepState.PENDING.value, list(deadlines.values())
            )

    async def lock(self, booking_id: uuid.UUID) -> tuple[asyncpg.Record, Saga] | None:
        """The booking's row (phase, reason, revision and what its events carry), locked for the rest of the
        transaction, and its saga.

        The steps are read by a second statement on purpose: under READ COMMITTED a statement that waited
        for the row lock re-reads the locked row but not its subqueries, so a subquery here would see the
        steps as they were before a concurrent event's transaction committed.
        """
        row = await self.connection.fetchrow(_LOCK, booking_id)
        if row is None:
            return None
        steps = await self.connection.fetch(
            "SELECT step, state FROM saga_steps WHERE booking_id = $1 AND step <> 'hold' ORDER BY position",
            booking_id,
        )
        saga = Saga(Phase(row["phase"]), {s["step"]: StepState(s["state"]) for s in steps}, row["reason"])
        return row, saga

    async def save(
        self, booking_id: uuid.UUID, before: Saga, after: Saga, deadline: datetime, details: dict[str, str]
    ) -> dict[str, float]:
        """Write the steps that changed (with a fresh deadline for those now waiting) and the booking.

        Returns the seconds each changed step had been in its previous state, and under ``saga`` the
        seconds since the saga's steps started when its phase changed (for the duration metrics).
        """
        waited: dict[str, float] = {}
        changed = [step for step, state in after.steps.items() if before.steps.get(step) is not state]
        if changed:
            rows = await self.connection.fetch(
                _SAVE_STEPS,
                booking_id,
                changed,
                [after.steps[step].value for step in changed],
                [details.get(step) for step in changed],
                deadline,
            )
            waited = {row["step"]: row["waited"] for row in rows}
        if after.phase is not before.phase or after.reason != before.reason:
            status = _STATUS.get(after.phase, "pending")
            seconds = await self.connection.fetchval(
                _SAVE_PHASE, booking_id, after.phase.value, status, after.reason
            )
            if seconds is not None and after.phase is not before.phase:
                waited["saga"] = seconds
        return waited

    async def steps(self, booking_id: uuid.UUID) -> list[asyncpg.Record]:
        return await self.connection.fetch(
            "SELECT step, state, detail, deadline, started_at, updated_at FROM saga_steps"
            " WHERE booking_id = $1 ORDER BY position",
            booking_id,
        )

    async def due_step(self) -> asyncpg.Record | None:
        """One saga step past its deadline, locked so other instances skip it."""
        return await self.connection.fetchrow(
            "SELECT s.booking_id, s.step, b.trace_context FROM saga_steps s JOIN bookings b ON b.id = s.booking_id"
            " WHERE s.deadline < now() ORDER BY s.deadline LIMIT 1 FOR UPDATE OF b SKIP LOCKED"
        )

    async def clear_deadline(self, booking_id: uuid.UUID, step: str) -> None:
        """A deadline that changed nothing must not fire again."""
        await self.connection.execute(
            "UPDATE saga_steps SET deadline = NULL WHERE booking_id = $1 AND step = $2", booking_id, step
        )

    async def mark_firm(self, booking_id: uuid.UUID, step: str) -> None:
        """The participant made its reservation firm (once in the step's detail)."""
        await self.connection.execute(
            "UPDATE saga_steps SET detail = concat_ws('; ', detail, 'firm'), updated_at = now()"
            " WHERE booking_id = $1 AND step = $2 AND coalesce(detail, '') NOT LIKE '%firm'",
            booking_id,
            step,
        )

    async def confirm_plan(
        self, booking_id: uuid.UUID, steps: list[str], now: datetime, revision: int
    ) -> None:
        """A changed plan's participant steps replace the old ones, confirmed (the change saga reserved them)."""
        await self.connection.execute(
            "DELETE FROM saga_steps WHERE booking_id = $1 AND step <> 'hold'", booking_id
        )
        await self.add_steps(booking_id, {step: now for step in steps})
        await self.connection.execute(
            "UPDATE saga_steps SET state = 'confirmed', deadline = NULL, detail = $2"
            " WHERE booking_id = $1 AND step <> 'hold'",
            booking_id,
            f"revision {revision}",
        )

    async def pending_approvals(self) -> list[asyncpg.Record]:
        """Bookings waiting for a staff decision, the most urgent first."""
        return await self.connection.fetch(
            "SELECT b.id, b.title, b.space_id, b.starts_at, b.ends_at, b.attendees, s.deadline"
            " FROM saga_steps s JOIN bookings b ON b.id = s.booking_id"
            " WHERE s.step = 'approval' AND s.state = 'pending' ORDER BY s.deadline LIMIT 500"
        )
