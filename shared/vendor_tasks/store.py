"""SQL for vendor tasks (each service its own vendor_tasks table): one row per (booking, vendor), live at a revision or cancelled."""

from __future__ import annotations

import uuid

import asyncpg

from shared.vendor_tasks.revisions import TaskStep


async def tasks(connection: asyncpg.Connection, booking_id: uuid.UUID) -> list[asyncpg.Record]:
    """Every task of the booking: task_id, vendor_id, revision and whether it is live."""
    return await connection.fetch(
        "SELECT task_id, vendor_id, revision, status = 'live' AS live FROM vendor_tasks WHERE booking_id = $1"
        " ORDER BY vendor_id",
        booking_id,
    )


async def save(
    connection: asyncpg.Connection, booking_id: uuid.UUID, revision: int, steps: list[TaskStep]
) -> None:
    """Record where each task stands at ``revision`` and the message sent about it, if any."""
    told = [step for step in steps if step.message is not None]
    quiet = [step for step in steps if step.message is None]
    if told:
        await connection.execute(
            "INSERT INTO vendor_tasks (task_id, booking_id, vendor_id, message_id, revision, status)"
            " SELECT t, $1, v, m, $2, CASE WHEN l THEN 'live' ELSE 'cancelled' END"
            " FROM unnest($3::text[], $4::text[], $5::uuid[], $6::bool[]) AS u(t, v, m, l)"
            " ON CONFLICT (booking_id, vendor_id) DO UPDATE SET message_id = EXCLUDED.message_id,"
            " revision = EXCLUDED.revision, status = EXCLUDED.status, updated_at = now()",
            booking_id, revision, [s.task_id for s in told], [s.vendor_id for s in told],
            [s.message.message_id for s in told if s.message], [s.live for s in told],
        )  # fmt: skip
    if quiet:  # the vendor's part did not change: the task simply follows the new revision
        await connection.execute(
            "UPDATE vendor_tasks SET revision = $2, updated_at = now()"
            " WHERE booking_id = $1 AND vendor_id = ANY($3::text[])",
            booking_id, revision, [s.vendor_id for s in quiet],
        )  # fmt: skip
