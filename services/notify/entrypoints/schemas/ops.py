"""What ops can ask: every delivery with its attempts, and the development SMS provider's messages."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec


class Attempt(msgspec.Struct, frozen=True, kw_only=True):
    attempt: int
    at: datetime
    outcome: str
    error: str | None = None


class DeliveryRecord(msgspec.Struct, frozen=True, kw_only=True):
    id: uuid.UUID
    message_id: uuid.UUID
    booking_id: uuid.UUID | None
    event: str
    recipient: str
    channel: str
    endpoint_id: uuid.UUID | None
    state: str
    attempts: int
    created_at: datetime
    last_attempt_at: datetime | None
    next_attempt_at: datetime | None
    sent_at: datetime | None
    last_error: str | None
    attempt_log: list[Attempt]


class DevSms(msgspec.Struct, frozen=True, kw_only=True):
    idempotency_key: uuid.UUID
    phone: str
    body: str
    created_at: datetime
