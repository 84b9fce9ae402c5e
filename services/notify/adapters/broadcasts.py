"""Urgent broadcasts and their delivery report."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg


async def create(
    connection: asyncpg.Connection,
    broadcast_id: uuid.UUID,
    starts_at: datetime,
    ends_at: datetime,
    notices: dict[str, Any],
    recipients: int,
    scope: dict[str, Any] | None = None,
) -> None:
    await connection.execute(
        "INSERT INTO broadcasts (id, window_starts_at, window_ends_at, notices, recipients, scope)"
        " VALUES ($1, $2, $3, $4, $5, $6)",
        broadcast_id,
        starts_at,
        ends_at,
        notices,
        recipients,
        scope,
    )


async def get(connection: asyncpg.Connection, broadcast_id: uuid.UUID) -> asyncpg.Record | None:
    return await connection.fetchrow("SELECT * FROM broadcasts WHERE id = $1", broadcast_id)


async def deliveries(connection: asyncpg.Connection, broadcast_id: uuid.UUID) -> list[asyncpg.Record]:
    """Every delivery of the broadcast, by recipient and channel."""
    return await connection.fetch(
        "SELECT d.recipient_key, coalesce(r.kind, split_part(d.recipient_key, ':', 1)) AS kind, d.channel,"
        " d.state, d.receipt, d.attempts, d.last_error, d.sent_at"
        " FROM deliveries d LEFT JOIN recipients r ON r.key = d.recipient_key"
        " WHERE d.message_id = $1 ORDER BY d.recipient_key, d.channel, d.endpoint_id",
        broadcast_id,
    )
