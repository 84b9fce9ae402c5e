"""SQL for vendor tasks (each service its own vendor_tasks table): one row per (booking, vendor).

A row is live at the plan revision its vendor was last told about, or closed; ``state`` says where the
vendor's answer stands and ``version`` grows with every state change (the venue keeps the newest).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import asyncpg
import msgspec

from shared.contracts.tasks import TaskState, VendorTaskAssigned, VendorTaskMessage
from shared.participant.domain.task_states import LET_GO, OPEN, Task

_TASK = (
    "SELECT task_id, booking_id, vendor_id, revision, state, version, message_id, answer_due, work"
    " FROM vendor_tasks"
)
# what a state change returns, to tell the venue
STATE_COLUMNS = "task_id, booking_id, vendor_id, state, version, state_reason, answer_due"
_LIVE = f"CASE WHEN u.s = ANY('{{{','.join(OPEN)}}}'::text[]) THEN 'live' ELSE 'cancelled' END"


@dataclass(frozen=True)
class Told:
    """A task's new state after a message to its vendor; ``work`` is that message if it carries the work."""

    task_id: str
    vendor_id: str
    message_id: uuid.UUID
    state: TaskState
    answer_due: datetime | None = None
    reason: str = ""
    work: VendorTaskMessage | None = None


async def lock_booking(connection: asyncpg.Connection, booking_id: uuid.UUID) -> None:
    """The lock every command and answer about one booking takes first, until the transaction ends."""
    await connection.execute("SELECT pg_advisory_xact_lock(hashtext($1::text))", str(booking_id))


async def tasks(connection: asyncpg.Connection, booking_id: uuid.UUID) -> list[asyncpg.Record]:
    """Every task of the booking: task_id, vendor_id, revision, whether it is live, state and work."""
    return await connection.fetch(
        "SELECT task_id, vendor_id, revision, status = 'live' AS live, state, work FROM vendor_tasks"
        " WHERE booking_id = $1 ORDER BY vendor_id",
        booking_id,
    )


def _task(row: asyncpg.Record | None, kind: str) -> Task | None:
    if row is None:
        return None
    work = msgspec.convert(row["work"], VendorTaskAssigned) if row["work"] is not None else None
    return Task(
        row["task_id"],
        row["booking_id"],
        kind,
        row["vendor_id"],
        row["revision"],
        row["state"],
        row["version"],
        row["message_id"],
        row["answer_due"],
        work,
    )


async def task(connection: asyncpg.Connection, task_id: str, kind: str, overdue: bool = False) -> Task | None:
    """The task, locked for this transaction; with ``overdue``, only if it still awaits an answer past due."""
    when = " AND state = 'awaiting_answer' AND answer_due < now()" if overdue else ""
    return _task(await connection.fetchrow(f"{_TASK} WHERE task_id = $1{when} FOR UPDATE", task_id), kind)


async def task_of(
    connection: asyncpg.Connection, booking_id: uuid.UUID, vendor_id: str, kind: str
) -> Task | None:
    row = await connection.fetchrow(
        f"{_TASK} WHERE booking_id = $1 AND vendor_id = $2 FOR UPDATE", booking_id, vendor_id
    )
    return _task(row, kind)


async def let_go(connection: asyncpg.Connection, booking_id: uuid.UUID) -> set[str]:
    """The vendors that declined the booking's work or let its deadline pass: never asked again for it."""
    rows = await connection.fetch(
        "SELECT vendor_id FROM vendor_tasks WHERE booking_id = $1 AND state = ANY($2::text[])",
        booking_id,
        list(LET_GO),
    )
    return {row["vendor_id"] for row in rows}


async def record(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    revision: int,
    told: list[Told],
    trace_context: dict[str, str],
) -> list[asyncpg.Record]:
    """Upsert each task as its vendor was just told (a new state, so a new version); the changed rows."""
    if not told:
        return []
    works = [msgspec.json.encode(t.work).decode() if t.work is not None else None for t in told]
    return await connection.fetch(
        "INSERT INTO vendor_tasks AS v (task_id, booking_id, vendor_id, message_id, revision, status, state,"
        " answer_due, state_reason, work, trace_context)"
        f" SELECT u.t, $1, u.v, u.m, $2, {_LIVE}, u.s, u.d, u.r, u.w::jsonb, $10"
        " FROM unnest($3::text[], $4::text[], $5::uuid[], $6::text[], $7::timestamptz[], $8::text[], $9::text[])"
        " AS u(t, v, m, s, d, r, w)"
        " ON CONFLICT (booking_id, vendor_id) DO UPDATE SET message_id = EXCLUDED.message_id,"
        " revision = EXCLUDED.revision, status = EXCLUDED.status, state = EXCLUDED.state,"
        " answer_due = EXCLUDED.answer_due, state_reason = EXCLUDED.state_reason,"
        " work = coalesce(EXCLUDED.work, v.work), trace_context = EXCLUDED.trace_context,"
        f" version = v.version + 1, updated_at = now() RETURNING {STATE_COLUMNS}",
        booking_id,
        revision,
        [t.task_id for t in told],
        [t.vendor_id for t in told],
        [t.message_id for t in told],
        [t.state for t in told],
        [t.answer_due for t in told],
        [t.reason for t in told],
        works,
        trace_context,
    )


async def follow(
    connection: asyncpg.Connection, booking_id: uuid.UUID, revision: int, vendors: list[str]
) -> None:
    """The vendors' part did not change: their tasks simply follow the new revision, state unchanged."""
    if vendors:
        await connection.execute(
            "UPDATE vendor_tasks SET revision = $2, updated_at = now()"
            " WHERE booking_id = $1 AND vendor_id = ANY($3::text[])",
            booking_id,
            revision,
            vendors,
        )


async def set_state(
    connection: asyncpg.Connection,
    task_id: str,
    state: TaskState,
    reason: str,
    message_id: uuid.UUID | None = None,
) -> asyncpg.Record:
    """Move one task to ``state`` (a new version); ``message_id`` if its vendor was told so."""
    row = await connection.fetchrow(
        "UPDATE vendor_tasks SET state = $2, state_reason = $3, message_id = coalesce($4, message_id),"
        " status = CASE WHEN $2 = ANY($5::text[]) THEN 'live' ELSE 'cancelled' END,"
        " answer_due = CASE WHEN $2 = 'awaiting_answer' THEN answer_due END,"
        f" version = version + 1, updated_at = now() WHERE task_id = $1 RETURNING {STATE_COLUMNS}",
        task_id,
        state,
        reason,
        message_id,
        list(OPEN),
    )
    assert row is not None, f"no vendor task {task_id}"
    return row


async def close_escalated(
    connection: asyncpg.Connection, booking_id: uuid.UUID, reason: str
) -> list[asyncpg.Record]:
    """Escalations of a booking that is cancelled are moot: they become cancelled (no vendor is told)."""
    return await connection.fetch(
        "UPDATE vendor_tasks SET state = 'cancelled', state_reason = $2, version = version + 1,"
        f" updated_at = now() WHERE booking_id = $1 AND state = 'escalated' RETURNING {STATE_COLUMNS}",
        booking_id,
        reason,
    )


async def overdue(connection: asyncpg.Connection) -> asyncpg.Record | None:
    """One task past its answer deadline (task_id, booking_id, trace_context), oldest deadline first.

    Not locked here: the caller takes the booking's lock first, then re-reads the task (``overdue=True``),
    the order every command takes, so the sweep never deadlocks with them.
    """
    return await connection.fetchrow(
        "SELECT task_id, booking_id, trace_context FROM vendor_tasks"
        " WHERE state = 'awaiting_answer' AND answer_due < now() ORDER BY answer_due LIMIT 1"
    )


async def listing(
    connection: asyncpg.Connection, vendor_id: str, include_closed: bool
) -> list[asyncpg.Record]:
    """The vendor's tasks (open ones only unless ``include_closed``), the soonest deadline first."""
    return await connection.fetch(
        "SELECT task_id, booking_id, vendor_id, state, answer_due, message_id, work FROM vendor_tasks"
        " WHERE vendor_id = $1 AND ($2 OR state = ANY($3::text[]))"
        " ORDER BY answer_due NULLS LAST, updated_at DESC, task_id LIMIT 500",
        vendor_id,
        include_closed,
        list(OPEN),
    )
