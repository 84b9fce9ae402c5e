"""SQL of the notify service: notifications, their deliveries per channel, and the dispatchers' claims."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import asyncpg

from services.notify.domain.channels import CHANNELS, PlannedDelivery

__all__ = ["CHANNELS", "NewNotification", "claim_due", "feed", "mark_failed_attempt", "mark_sent", "record"]


@dataclass(frozen=True)
class NewNotification:
    message_id: uuid.UUID
    booking_id: uuid.UUID | None
    event: str
    recipient: str  # the e-mail address (may be empty): personal data, never logged
    locale: str
    subject: str
    body: str
    html: str
    trace_context: dict[str, str]
    recipient_key: str = ""
    essential: bool = False
    sms: str = ""
    ics: str = ""
    data: dict[str, Any] = field(default_factory=dict)


# the notification and its deliveries in one statement; nothing when this event reached this recipient
# already (the feed is delivered by being stored; the other channels wait for their dispatcher)
_RECORD = """
WITH notification AS (
    INSERT INTO notifications (id, message_id, booking_id, event, recipient, recipient_key, locale, subject,
                               body, html, sms, ics, data, essential, trace_context)
    VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
    ON CONFLICT (message_id, recipient_key) DO NOTHING
    RETURNING id
), planned AS (
    INSERT INTO deliveries (id, notification_id, message_id, recipient, recipient_key, channel, endpoint_id,
                            state, sent_at, last_error)
    SELECT gen_random_uuid(), notification.id, $1, address, $5, channel, endpoint_id, state,
           CASE state WHEN 'sent' THEN now() END, CASE state WHEN 'skipped' THEN 'opted out' END
    FROM notification,
         unnest($15::text[], $16::text[], $17::uuid[], $18::text[]) AS planned(channel, address, endpoint_id, state)
    ON CONFLICT DO NOTHING
)
SELECT count(*) FROM notification
"""


async def record(
    connection: asyncpg.Connection, notification: NewNotification, planned: Sequence[PlannedDelivery] = ()
) -> bool:
    """Store the notification and its deliveries; False if this event reached this recipient already."""
    key = notification.recipient_key or f"organizer:{notification.recipient.strip().lower()}"
    planned = planned or [
        PlannedDelivery("in_app", key, None, "sent"),
        PlannedDelivery("email", notification.recipient, None, "pending"),
    ]
    columns = list(zip(*((p.channel, p.address, p.endpoint_id, p.state) for p in planned), strict=True))
    recorded = await connection.fetchval(
        _RECORD,
        notification.message_id,
        notification.booking_id,
        notification.event,
        notification.recipient,
        key,
        notification.locale,
        notification.subject,
        notification.body,
        notification.html,
        notification.sms,
        notification.ics,
        notification.data,
        notification.essential,
        notification.trace_context,
        *map(list, columns),
    )
    return bool(recorded)


_FEED = """
SELECT n.id, n.booking_id, n.event, n.locale, n.subject, n.body, n.created_at,
       coalesce(jsonb_object_agg(d.channel, jsonb_build_object(
           'state', d.state, 'attempts', d.attempts, 'last_attempt_at', d.last_attempt_at,
           'next_attempt_at', CASE WHEN d.state = 'pending' THEN d.next_attempt_at END, 'sent_at', d.sent_at
       )) FILTER (WHERE d.id IS NOT NULL), '{{}}') AS channels
FROM notifications n LEFT JOIN deliveries d ON d.notification_id = n.id
WHERE {where}
GROUP BY n.id
HAVING bool_or(d.channel = 'in_app')
ORDER BY n.created_at DESC, n.id DESC
LIMIT $4
"""
# a booking's feed is what its organizer was told; vendors and staff read theirs by recipient. The feed is
# the in-app channel: a notice without it (an e-mail-only sign-in link or reset) is not in the feed
_FEED_BY_BOOKING = _FEED.format(
    where="n.booking_id = $1 AND n.recipient_key LIKE 'organizer:%'"
    " AND ($2::text IS NULL OR lower(n.recipient) = lower($2)) AND ($3::text IS NULL OR n.recipient_key = $3)"
)
_FEED_BY_RECIPIENT = _FEED.format(
    where="($2::text IS NULL OR lower(n.recipient) = lower($2)) AND ($3::text IS NULL OR n.recipient_key = $3)"
    " AND ($1::uuid IS NULL OR n.booking_id = $1)"
)


async def feed(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID | None,
    recipient: str | None,
    limit: int,
    recipient_key: str | None = None,
) -> list[asyncpg.Record]:
    """Notifications of a booking and/or a recipient, newest first, with each channel's state."""
    query = _FEED_BY_BOOKING if booking_id is not None and recipient_key is None else _FEED_BY_RECIPIENT
    return await connection.fetch(query, booking_id, recipient, recipient_key, limit)


_CLAIM_DUE = """
SELECT d.id, d.channel, d.attempts, d.recipient, d.recipient_key, d.endpoint_id, d.message_id,
       n.booking_id, n.event, n.locale, n.subject, n.body, n.html, n.sms, n.ics, n.data, n.trace_context,
       n.created_at, e.url AS endpoint_url, e.secret AS endpoint_secret, e.state AS endpoint_state
FROM deliveries d
JOIN notifications n ON n.id = d.notification_id
LEFT JOIN webhook_endpoints e ON e.id = d.endpoint_id
WHERE d.state = 'pending' AND d.channel = $1 AND d.next_attempt_at <= $2
ORDER BY d.next_attempt_at, n.created_at
LIMIT $3
FOR UPDATE OF d SKIP LOCKED
"""


async def claim_due(
    connection: asyncpg.Connection, channel: str, now: datetime, limit: int
) -> list[asyncpg.Record]:
    """Lock up to ``limit`` due deliveries no other instance holds (for the rest of the transaction)."""
    return await connection.fetch(_CLAIM_DUE, channel, now, limit)


_ATTEMPT = """
INSERT INTO delivery_attempts (delivery_id, attempt, attempted_at, outcome, error)
SELECT id, attempts, $2, $3, $4 FROM deliveries WHERE id = $1
"""


_MARK_SENT = """
WITH sent AS (
    UPDATE deliveries SET state = 'sent', attempts = attempts + 1, last_attempt_at = $2, sent_at = $2,
                          last_error = NULL
    WHERE id = ANY($1::uuid[]) RETURNING id, attempts
)
INSERT INTO delivery_attempts (delivery_id, attempt, attempted_at, outcome, error)
SELECT id, attempts, $2, 'sent', NULL FROM sent
"""


async def mark_sent(connection: asyncpg.Connection, delivery_ids: list[uuid.UUID], now: datetime) -> None:
    """The deliveries were accepted: sent, each attempt recorded (one statement for a whole batch)."""
    if delivery_ids:
        await connection.execute(_MARK_SENT, delivery_ids, now)


async def mark_failed_attempt(
    connection: asyncpg.Connection,
    delivery_id: uuid.UUID,
    now: datetime,
    state: str,
    retry_at: datetime | None,
    error: str,
) -> None:
    await connection.execute(
        "UPDATE deliveries SET state = $3, attempts = attempts + 1, last_attempt_at = $2,"
        " next_attempt_at = coalesce($4, next_attempt_at), last_error = $5 WHERE id = $1",
        delivery_id,
        now,
        state,
        retry_at,
        error,
    )
    await connection.execute(_ATTEMPT, delivery_id, now, "failed", error)


async def abandon(
    connection: asyncpg.Connection, delivery_ids: list[uuid.UUID], now: datetime, reason: str
) -> None:
    """Give up deliveries without trying (their webhook endpoint was disabled or removed)."""
    await connection.execute(
        "UPDATE deliveries SET state = 'failed', last_error = $3, last_attempt_at = coalesce(last_attempt_at, $2)"
        " WHERE id = ANY($1::uuid[]) AND state = 'pending'",
        delivery_ids,
        now,
        reason,
    )
