"""What the SMS provider tells about deliveries: its message id when it accepts one, and the receipt."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

import asyncpg


async def record_provider_ids(connection: asyncpg.Connection, ids: Sequence[tuple[uuid.UUID, str]]) -> None:
    await connection.executemany(
        "UPDATE deliveries SET provider_message_id = $2 WHERE id = $1 AND channel = 'sms'", ids
    )


async def record_receipts(
    connection: asyncpg.Connection, receipts: Sequence[tuple[uuid.UUID, bool, datetime]]
) -> int:
    """Mark each delivery ``delivered`` or ``failed`` by its receipt; how many were ours (others are
    another instance's database's, or purged)."""
    rows = await connection.fetch(
        "UPDATE deliveries d SET receipt = CASE WHEN r.delivered THEN 'delivered' ELSE 'failed' END,"
        " receipt_at = r.received_at"
        " FROM unnest($1::uuid[], $2::bool[], $3::timestamptz[]) AS r(id, delivered, received_at)"
        " WHERE d.id = r.id AND d.channel = 'sms' RETURNING d.id",
        [r[0] for r in receipts],
        [r[1] for r in receipts],
        [r[2] for r in receipts],
    )
    return len(rows)
