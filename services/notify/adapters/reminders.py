"""Reminder rows: scheduled with the events, cancelled with them, claimed when due (SKIP LOCKED)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

import asyncpg

from services.notify.domain.reminders import Reminder
from shared.telemetry import current_traceparent

# scheduling again what a move had cancelled (the booking moved back) makes it pending again
_SCHEDULE = """
INSERT INTO reminders (id, booking_id, recipient_key, lead, starts_at, due_at, trace_context)
SELECT *, $7::jsonb
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::interval[], $5::timestamptz[], $6::timestamptz[])
ON CONFLICT (id) DO UPDATE SET state = 'pending', settled_at = NULL, reason = '',
    trace_context = EXCLUDED.trace_context
WHERE reminders.state = 'cancelled'
"""


async def schedule(connection: asyncpg.Connection, reminders: Sequence[Reminder]) -> None:
    """Schedule ``reminders`` (in the trace of the event that asks for them)."""
    if not reminders:
        return
    columns = zip(
        *((r.id, r.booking_id, r.recipient_key, r.lead, r.starts_at, r.due_at) for r in reminders),
        strict=True,
    )
    await connection.execute(_SCHEDULE, *map(list, columns), current_traceparent())


async def cancel(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    reason: str,
    recipient_key: str | None = None,
    keep_starts_at: datetime | None = None,
) -> int:
    """Cancel the booking's pending reminders (of one recipient; except those for ``keep_starts_at``)."""
    status = await connection.execute(
        "UPDATE reminders SET state = 'cancelled', settled_at = now(), reason = $2"
        " WHERE booking_id = $1 AND state = 'pending' AND ($3::text IS NULL OR recipient_key = $3)"
        " AND ($4::timestamptz IS NULL OR starts_at <> $4)",
        booking_id,
        reason,
        recipient_key,
        keep_starts_at,
    )
    return int(status.rsplit(" ", 1)[-1])


async def claim_due(connection: asyncpg.Connection, now: datetime, limit: int) -> list[asyncpg.Record]:
    return await connection.fetch(
        "SELECT * FROM reminders WHERE state = 'pending' AND due_at <= $1 ORDER BY due_at LIMIT $2"
        " FOR UPDATE SKIP LOCKED",
        now,
        limit,
    )


async def settle(
    connection: asyncpg.Connection, reminder_id: uuid.UUID, state: str, at: datetime, reason: str = ""
) -> None:
    await connection.execute(
        "UPDATE reminders SET state = $2, settled_at = $3, reason = $4 WHERE id = $1",
        reminder_id,
        state,
        at,
        reason,
    )


async def of_booking(connection: asyncpg.Connection, booking_id: uuid.UUID) -> list[asyncpg.Record]:
    return await connection.fetch(
        "SELECT * FROM reminders WHERE booking_id = $1 ORDER BY due_at, recipient_key", booking_id
    )
