"""SQL of the notify service: the feed, its deliveries, and the dispatcher's claims."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import asyncpg

CHANNELS = ("in_app", "email")


@dataclass(frozen=True)
class NewNotification:
    message_id: uuid.UUID
    booking_id: uuid.UUID
    event: str
    recipient: str
    locale: str
    subject: str
    body: str
    html: str
    trace_context: dict[str, str]


_INSERT_NOTIFICATION = """
INSERT INTO notifications (id, message_id, booking_id, event, recipient, locale, subject, body, html, trace_context)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
ON CONFLICT (message_id, lower(recipient)) DO NOTHING
"""

# the in-app channel is delivered by being stored; e-mail waits for the dispatcher
_INSERT_DELIVERIES = """
INSERT INTO deliveries (id, notification_id, message_id, recipient, channel, state, sent_at)
SELECT gen_random_uuid(), $1, $2, $3, channel,
       CASE channel WHEN 'in_app' THEN 'sent' ELSE 'pending' END,
       CASE channel WHEN 'in_app' THEN now() END
FROM unnest($4::text[]) AS channel
ON CONFLICT (message_id, lower(recipient), channel) DO NOTHING
"""


async def record(connection: asyncpg.Connection, notification: NewNotification) -> bool:
    """Store the notification and one delivery per channel; False if this event reached them already."""
    notification_id = uuid.uuid4()
    status = await connection.execute(
        _INSERT_NOTIFICATION,
        notification_id, notification.message_id, notification.booking_id, notification.event,
        notification.recipient, notification.locale, notification.subject, notification.body,
        notification.html, notification.trace_context,
    )  # fmt: skip
    if not status.endswith(" 1"):
        return False
    await connection.execute(
        _INSERT_DELIVERIES, notification_id, notification.message_id, notification.recipient, list(CHANNELS)
    )
    return True


_FEED = """
SELECT n.id, n.booking_id, n.event, n.locale, n.subject, n.body, n.created_at,
       coalesce(jsonb_object_agg(d.channel, jsonb_build_object(
           'state', d.state, 'attempts', d.attempts, 'last_attempt_at', d.last_attempt_at,
           'next_attempt_at', CASE WHEN d.state = 'pending' THEN d.next_attempt_at END, 'sent_at', d.sent_at
       )) FILTER (WHERE d.id IS NOT NULL), '{{}}') AS channels
FROM notifications n LEFT JOIN deliveries d ON d.notification_id = n.id
WHERE {where}
GROUP BY n.id
ORDER BY n.created_at DESC, n.id DESC
LIMIT $3
"""
_FEED_BY_BOOKING = _FEED.format(
    where="n.booking_id = $1 AND ($2::text IS NULL OR lower(n.recipient) = lower($2))"
)
_FEED_BY_RECIPIENT = _FEED.format(
    where="lower(n.recipient) = lower($2) AND ($1::uuid IS NULL OR n.booking_id = $1)"
)


async def feed(
    connection: asyncpg.Connection, booking_id: uuid.UUID | None, recipient: str | None, limit: int
) -> list[asyncpg.Record]:
    """Notifications of a booking and/or a recipient, newest first, with each channel's state."""
    query = _FEED_BY_BOOKING if booking_id is not None else _FEED_BY_RECIPIENT
    return await connection.fetch(query, booking_id, recipient, limit)


_CLAIM_DUE = """
SELECT d.id, d.attempts, d.recipient, n.booking_id, n.event, n.locale, n.subject, n.body, n.html, n.trace_context
FROM deliveries d JOIN notifications n ON n.id = d.notification_id
WHERE d.state = 'pending' AND d.channel = $1 AND d.next_attempt_at <= $2
ORDER BY d.next_attempt_at
LIMIT $3
FOR UPDATE OF d SKIP LOCKED
"""


async def claim_due(
    connection: asyncpg.Connection, channel: str, now: datetime, limit: int
) -> list[asyncpg.Record]:
    """Lock up to ``limit`` due deliveries no other instance holds (for the rest of the transaction)."""
    return await connection.fetch(_CLAIM_DUE, channel, now, limit)


async def mark_sent(connection: asyncpg.Connection, delivery_id: uuid.UUID, now: datetime) -> None:
    await connection.execute(
        "UPDATE deliveries SET state = 'sent', attempts = attempts + 1, last_attempt_at = $2, sent_at = $2,"
        " last_error = NULL WHERE id = $1",
        delivery_id,
        now,
    )


async def mark_failed_attempt(
    connection: asyncpg.Connection, delivery_id: uuid.UUID, now: datetime, state: str, retry_at: datetime | None,
    error: str,
) -> None:  # fmt: skip
    await connection.execute(
        "UPDATE deliveries SET state = $3, attempts = attempts + 1, last_attempt_at = $2,"
        " next_attempt_at = coalesce($4, next_attempt_at), last_error = $5 WHERE id = $1",
        delivery_id,
        now,
        state,
        retry_at,
        error,
    )
