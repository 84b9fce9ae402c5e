"""Webhook endpoints: registration, and the failure count that disables an endpoint that keeps failing."""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg


async def register(
    connection: asyncpg.Connection, recipient_key: str, url: str, secret: str, description: str = ""
) -> asyncpg.Record | None:
    """A new active endpoint; None if the recipient has this URL registered already."""
    return await connection.fetchrow(
        "INSERT INTO webhook_endpoints (id, recipient_key, url, secret, description) VALUES ($1, $2, $3, $4, $5)"
        " ON CONFLICT (recipient_key, url) WHERE state = 'active' DO NOTHING RETURNING *",
        uuid.uuid4(),
        recipient_key,
        url,
        secret,
        description,
    )


async def of_recipient(connection: asyncpg.Connection, recipient_key: str) -> list[asyncpg.Record]:
    return await connection.fetch(
        "SELECT * FROM webhook_endpoints WHERE recipient_key = $1 AND state <> 'deleted' ORDER BY created_at",
        recipient_key,
    )


async def fail_pending(
    connection: asyncpg.Connection, endpoint_id: uuid.UUID, now: datetime, reason: str
) -> None:
    """Give up the endpoint's waiting deliveries; ones a dispatcher holds now are given up when next due."""
    await connection.execute(
        """
        UPDATE deliveries SET state = 'failed', last_error = $3, last_attempt_at = coalesce(last_attempt_at, $2)
        WHERE id IN (SELECT id FROM deliveries WHERE endpoint_id = $1 AND state = 'pending' FOR UPDATE SKIP LOCKED)
        """,
        endpoint_id,
        now,
        reason,
    )


async def delete(
    connection: asyncpg.Connection, recipient_key: str, endpoint_id: uuid.UUID, now: datetime
) -> bool:
    row = await connection.fetchrow(
        "UPDATE webhook_endpoints SET state = 'deleted', disabled_at = NULL WHERE id = $1 AND recipient_key = $2"
        " AND state <> 'deleted' RETURNING id",
        endpoint_id,
        recipient_key,
    )
    if row is None:
        return False
    await fail_pending(connection, endpoint_id, now, "endpoint removed")
    return True


async def succeeded(connection: asyncpg.Connection, endpoint_id: uuid.UUID, now: datetime) -> None:
    await connection.execute(
        "UPDATE webhook_endpoints SET consecutive_failures = 0, last_success_at = $2 WHERE id = $1",
        endpoint_id,
        now,
    )


async def failed(
    connection: asyncpg.Connection, endpoint_id: uuid.UUID, now: datetime, disable_after: int
) -> asyncpg.Record | None:
    """Count a failed attempt; the endpoint's row if this failure disabled it (only that once)."""
    row = await connection.fetchrow(
        """
        UPDATE webhook_endpoints
        SET consecutive_failures = consecutive_failures + 1, last_failure_at = $2,
            state = CASE WHEN consecutive_failures + 1 >= $3 THEN 'disabled' ELSE state END,
            disabled_at = CASE WHEN consecutive_failures + 1 >= $3 THEN $2 ELSE disabled_at END
        WHERE id = $1 AND state = 'active'
        RETURNING id, recipient_key, url, consecutive_failures, state
        """,
        endpoint_id,
        now,
        disable_after,
    )
    return row if row is not None and row["state"] == "disabled" else None
