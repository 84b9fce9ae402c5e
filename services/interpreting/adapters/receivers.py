"""SQL for the receivers pool: hold a revision's headsets in every slot it touches, or say how many are free."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from services.interpreting.domain.reasons import ReceiverShortage
from services.interpreting.domain.receivers import slots
from shared.participant.domain.plans import PlanKey


async def hold(
    connection: asyncpg.Connection, key: PlanKey, need: int, pool: int, start: datetime, end: datetime
) -> ReceiverShortage | None:
    """Add ``need`` receivers to every slot of [start, end) atomically; the shortage if the pool is short."""
    touched = slots(start, end)
    try:
        async with connection.transaction():
            await connection.execute(
                "INSERT INTO receiver_slots (slot, capacity, used)"
                " SELECT s, $2, $3 FROM unnest($1::timestamptz[]) AS s ORDER BY s"
                " ON CONFLICT (slot) DO UPDATE"
                " SET used = receiver_slots.used + excluded.used, capacity = excluded.capacity",
                touched,
                pool,
                need,
            )
            await connection.execute(
                "INSERT INTO receiver_holds (booking_id, revision, slot, receivers)"
                " SELECT $1, $2, s, $4 FROM unnest($3::timestamptz[]) AS s",
                key.booking_id,
                key.revision,
                touched,
                need,
            )
    except asyncpg.CheckViolationError:
        return ReceiverShortage(need, await free(connection, pool, start, end), pool)
    return None


async def free(connection: asyncpg.Connection, pool: int, start: datetime, end: datetime) -> int:
    """Receivers free through all of [start, end) (as committed now)."""
    used = await connection.fetchval(
        "SELECT coalesce(max(used), 0) FROM receiver_slots WHERE slot = ANY($1::timestamptz[])",
        slots(start, end),
    )
    return max(pool - used, 0)


async def release(connection: asyncpg.Connection, key: PlanKey) -> None:
    """Give back what the revision holds (slots locked in time order, as ``hold`` takes them)."""
    await connection.execute(
        "WITH freed AS (DELETE FROM receiver_holds WHERE booking_id = $1 AND revision = $2"
        "  RETURNING slot, receivers),"
        " locked AS (SELECT s.slot FROM receiver_slots s JOIN freed USING (slot) ORDER BY s.slot FOR UPDATE)"
        " UPDATE receiver_slots s SET used = s.used - f.receivers FROM freed f, locked l"
        " WHERE s.slot = f.slot AND l.slot = f.slot",
        key.booking_id,
        key.revision,
    )
