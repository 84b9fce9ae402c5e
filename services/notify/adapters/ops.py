"""What ops can ask: deliveries with every attempt, and the messages the dev SMS provider recorded."""

from __future__ import annotations

import uuid

import asyncpg

_DELIVERIES = """
SELECT d.id, d.message_id, n.booking_id, n.event, d.recipient_key, d.channel, d.endpoint_id, d.state, d.attempts,
       d.created_at, d.last_attempt_at,
       CASE WHEN d.state = 'pending' THEN d.next_attempt_at END AS next_attempt_at, d.sent_at, d.last_error,
       coalesce((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'at', a.attempted_at,
                                                     'outcome', a.outcome, 'error', a.error) ORDER BY a.attempt)
                 FROM delivery_attempts a WHERE a.delivery_id = d.id), '[]') AS attempt_log
FROM deliveries d JOIN notifications n ON n.id = d.notification_id
WHERE ($1::uuid IS NULL OR n.booking_id = $1) AND ($2::text IS NULL OR d.recipient_key = $2)
  AND ($3::text IS NULL OR d.channel = $3) AND ($4::text IS NULL OR d.state = $4)
  AND ($5::uuid IS NULL OR d.message_id = $5)
ORDER BY d.created_at DESC, d.id
LIMIT $6
"""


async def deliveries(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID | None,
    recipient_key: str | None,
    channel: str | None,
    state: str | None,
    message_id: uuid.UUID | None,
    limit: int,
) -> list[asyncpg.Record]:
    return await connection.fetch(_DELIVERIES, booking_id, recipient_key, channel, state, message_id, limit)


async def dev_sms(connection: asyncpg.Connection, phone: str | None, limit: int) -> list[asyncpg.Record]:
    return await connection.fetch(
        "SELECT idempotency_key, phone, body, created_at FROM dev_sms_messages"
        " WHERE ($1::text IS NULL OR phone = $1) ORDER BY created_at DESC LIMIT $2",
        phone,
        limit,
    )
