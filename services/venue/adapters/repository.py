"""SQL for bookings, holds and saga steps. Every function runs on the caller's transaction."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg

from services.venue.adapters.network_lines import release_lines
from services.venue.domain.booking import Interval
from services.venue.domain.saga import Phase, Saga, StepState

_INSERT_BOOKING = """
INSERT INTO bookings (id, idempotency_key, request_hash, space_id, layout, starts_at, ends_at, blocked,
                      attendees, title, organizer, interpreting, catering, status, phase, trace_id, trace_context,
                      organizer_id, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, tstzrange($8, $9), $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
"""
# Simultaneous inserts into an EXCLUDE table wait on each other's uncommitted rows and deadlock
# (PostgreSQL then aborts one after deadlock_timeout). Competitors for the same unit and day take
# these locks first, in one sorted order, and queue instead; the constraint stays the guarantee.
_LOCK_UNIT_DAYS = """
SELECT count(pg_advisory_xact_lock(hashtext(unit), day))
FROM (SELECT unit, (extract(epoch FROM d) / 86400)::int AS day
      FROM unnest($1::text[]) AS unit,
           generate_series(date_trunc('day', $2::timestamptz AT TIME ZONE 'UTC'),
                           date_trunc('day', $3::timestamptz AT TIME ZONE 'UTC'), interval '1 day') AS d
      ORDER BY 1, 2) AS keys
"""
_INSERT_HOLDS = """
INSERT INTO space_holds (booking_id, unit, during, revision)
SELECT $1, unit, tstzrange($3, $4), $5 FROM unnest($2::text[]) AS unit
"""
_INSERT_STEPS = """
INSERT INTO saga_steps (booking_id, step, position, state, deadline)
SELECT $1, step, position + 1, $3, deadline
FROM unnest($2::text[], $4::timestamptz[]) WITH ORDINALITY AS s(step, deadline, position)
"""


async def insert_booking(
    connection: asyncpg.Connection,
    row: dict[str, Any],
    units: list[str],
    blocked: Interval,
    deadlines: dict[str, datetime],
) -> None:
    """The booking, its hall hold (raises ExclusionViolationError on overlap) and its saga steps."""
    await connection.execute(_LOCK_UNIT_DAYS, sorted(units), blocked.starts_at, blocked.ends_at)
    await connection.execute(
        _INSERT_BOOKING,
        row["id"],
        row["idempotency_key"],
        row["request_hash"],
        row["space_id"],
        row["layout"],
        row["starts_at"],
        row["ends_at"],
        blocked.starts_at,
        blocked.ends_at,
        row["attendees"],
        row["title"],
        row["organizer"],
        row["interpreting"],
        row["catering"],
        row["status"],
        row["phase"],
        row["trace_id"],
        row["trace_context"],
        row["organizer_id"],
        row["created_by"],
    )
    await insert_holds(connection, row["id"], units, blocked, 0)
    await connection.execute(
        "INSERT INTO saga_steps (booking_id, step, position, state) VALUES ($1, 'hold', 1, 'held')", row["id"]
    )
    await add_steps(connection, row["id"], deadlines)


async def insert_holds(
    connection: asyncpg.Connection, booking_id: uuid.UUID, units: list[str], blocked: Interval, revision: int
) -> None:
    """The booking's hold of each unit for one plan revision (ExclusionViolationError on overlap)."""
    await connection.execute(_INSERT_HOLDS, booking_id, units, blocked.starts_at, blocked.ends_at, revision)


async def add_steps(
    connection: asyncpg.Connection, booking_id: uuid.UUID, deadlines: dict[str, datetime]
) -> None:
    """The saga's participant steps, pending, each with its deadline, after the hold."""
    if deadlines:
        await connection.execute(
            _INSERT_STEPS, booking_id, list(deadlines), StepState.PENDING.value, list(deadlines.values())
        )


async def set_option_expiry(
    connection: asyncpg.Connection, booking_id: uuid.UUID, until: datetime | None
) -> None:
    await connection.execute("UPDATE bookings SET hold_expires_at = $2 WHERE id = $1", booking_id, until)


async def conflicts(connection: asyncpg.Connection, units: list[str], blocked: Interval) -> list[Interval]:
    """The blocked intervals of other bookings that overlap ``blocked`` on any of ``units``."""
    rows = await connection.fetch(
        "SELECT DISTINCT lower(during) AS starts_at, upper(during) AS ends_at FROM space_holds"
        " WHERE unit = ANY($1::text[]) AND during && tstzrange($2, $3) ORDER BY 1",
        units,
        blocked.starts_at,
        blocked.ends_at,
    )
    return [Interval(row["starts_at"], row["ends_at"]) for row in rows]


async def by_idempotency_key(connection: asyncpg.Connection, key: str) -> asyncpg.Record | None:
    return await connection.fetchrow(
        "SELECT id, request_hash, status, first_status, trace_id FROM bookings WHERE idempotency_key = $1",
        key,
    )


async def booking(connection: asyncpg.Connection, booking_id: uuid.UUID) -> asyncpg.Record | None:
    return await connection.fetchrow(
        "SELECT *, lower(blocked) AS blocked_from, upper(blocked) AS blocked_to FROM bookings WHERE id = $1",
        booking_id,
    )


async def steps(connection: asyncpg.Connection, booking_id: uuid.UUID) -> list[asyncpg.Record]:
    return await connection.fetch(
        "SELECT step, state, detail, deadline, started_at, updated_at FROM saga_steps"
        " WHERE booking_id = $1 ORDER BY position",
        booking_id,
    )


async def lock_saga(
    connection: asyncpg.Connection, booking_id: uuid.UUID
) -> tuple[asyncpg.Record, Saga] | None:
    """The booking row, locked for the rest of the transaction, and its saga.

    The steps are read by a second statement on purpose: under READ COMMITTED a statement that waited
    for the row lock re-reads the locked row but not its subqueries, so a subquery here would see the
    steps as they were before a concurrent event's transaction committed.
    """
    row = await connection.fetchrow(
        "SELECT phase, reason, revision FROM bookings WHERE id = $1 FOR UPDATE", booking_id
    )
    if row is None:
        return None
    steps = await connection.fetch(
        "SELECT step, state FROM saga_steps WHERE booking_id = $1 AND step <> 'hold' ORDER BY position",
        booking_id,
    )
    saga = Saga(Phase(row["phase"]), {s["step"]: StepState(s["state"]) for s in steps}, row["reason"])
    return row, saga


async def save_saga(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    before: Saga,
    after: Saga,
    deadline: datetime,
    details: dict[str, str],
) -> dict[str, float]:
    """Write the steps that changed (with a fresh deadline for those now waiting) and the booking.

    Returns the seconds each changed step had been in its previous state, and under ``saga`` the
    seconds since the saga's steps started when its phase changed (for the duration metrics).
    """
    waited: dict[str, float] = {}
    changed = [step for step, state in after.steps.items() if before.steps.get(step) is not state]
    if changed:
        # ``o`` is read from the statement's snapshot: the step as it was before this update
        rows = await connection.fetch(
            "UPDATE saga_steps s SET state = c.state, updated_at = now(),"
            " detail = COALESCE(c.detail, s.detail),"
            " deadline = CASE WHEN c.state IN ('pending', 'releasing') THEN $5::timestamptz END"
            " FROM unnest($2::text[], $3::text[], $4::text[]) AS c(step, state, detail), saga_steps o"
            " WHERE s.booking_id = $1 AND s.step = c.step AND o.booking_id = $1 AND o.step = c.step"
            " RETURNING s.step, extract(epoch FROM now() - o.updated_at)::float8 AS waited",
            booking_id,
            changed,
            [after.steps[step].value for step in changed],
            [details.get(step) for step in changed],
            deadline,
        )
        waited = {row["step"]: row["waited"] for row in rows}
    if after.phase is not before.phase or after.reason != before.reason:
        status = {Phase.CONFIRMED: "confirmed", Phase.REJECTED: "rejected", Phase.CANCELLED: "cancelled"}.get(
            after.phase, "pending"
        )
        saga_seconds = await connection.fetchval(
            "UPDATE bookings SET phase = $2, status = $3, reason = $4, updated_at = now() WHERE id = $1"
            " RETURNING extract(epoch FROM now() - (SELECT min(started_at) FROM saga_steps"
            " WHERE booking_id = $1 AND step <> 'hold'))::float8",
            booking_id,
            after.phase.value,
            status,
            after.reason,
        )
        if saga_seconds is not None and after.phase is not before.phase:
            waited["saga"] = saga_seconds
    return waited


async def release_hold(connection: asyncpg.Connection, booking_id: uuid.UUID) -> None:
    """Free the space and the network lines the booking held."""
    await connection.execute("DELETE FROM space_holds WHERE booking_id = $1", booking_id)
    await release_lines(connection, booking_id)
    await connection.execute(
        "UPDATE saga_steps SET state = 'released', updated_at = now() WHERE booking_id = $1 AND step = 'hold'",
        booking_id,
    )


async def due_step(connection: asyncpg.Connection) -> asyncpg.Record | None:
    """One saga step past its deadline, locked so other instances skip it."""
    return await connection.fetchrow(
        "SELECT s.booking_id, s.step, b.trace_context FROM saga_steps s JOIN bookings b ON b.id = s.booking_id"
        " WHERE s.deadline < now() ORDER BY s.deadline LIMIT 1 FOR UPDATE OF b SKIP LOCKED"
    )


async def record_cancellation(
    connection: asyncpg.Connection, booking_id: uuid.UUID, actor: str, percent: int, fee: int, base: int
) -> None:
    await connection.execute(
        "UPDATE bookings SET cancelled_at = now(), cancelled_by = $2, fee_percent = $3, fee_minor = $4,"
        " fee_base_minor = $5 WHERE id = $1",
        booking_id,
        actor,
        percent,
        fee,
        base,
    )
