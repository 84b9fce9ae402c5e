"""The notify API's request and response types."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec

from services.notify.domain.broadcast import Notice


class ChannelState(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    state: str  # pending | sent | failed | skipped
    attempts: int
    last_attempt_at: datetime | None = None
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None


class Notification(msgspec.Struct, frozen=True, kw_only=True):
    id: uuid.UUID
    booking_id: uuid.UUID | None
    event: str
    locale: str
    subject: str
    body: str
    created_at: datetime
    channels: dict[str, ChannelState]


class WebhookCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    url: str


class Webhook(msgspec.Struct, frozen=True, kw_only=True):
    id: uuid.UUID
    url: str
    state: str  # active | disabled
    consecutive_failures: int
    created_at: datetime
    last_success_at: datetime | None = None
    last_failure_at: datetime | None = None
    disabled_at: datetime | None = None


class WebhookCreated(Webhook, frozen=True, kw_only=True):
    secret: str  # shown this once: sign-checking key for X-WICT-Signature
    signature: str = 'X-WICT-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>'


class Preference(msgspec.Struct, frozen=True, kw_only=True):
    channel: str
    non_essential: bool  # false: only essential notices (rejection, cancellation, urgent broadcast) on it


class PreferenceUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    non_essential: bool


class Preferences(msgspec.Struct, frozen=True, kw_only=True):
    recipient: str
    channels: list[Preference]
    essential_notices: list[str]


class BroadcastCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    starts_at: datetime
    ends_at: datetime
    notices: dict[
        str, Notice
    ]  # by locale, e.g. {"en": {...}, "zh-CN": {...}}; readers of others get the closest


class BroadcastAccepted(msgspec.Struct, frozen=True, kw_only=True):
    broadcast_id: uuid.UUID
    recipients: int
    report: str


class ChannelDelivery(msgspec.Struct, frozen=True, kw_only=True):
    channel: str
    state: str
    attempts: int
    sent_at: datetime | None = None
    last_error: str | None = None


class RecipientDelivery(msgspec.Struct, frozen=True, kw_only=True):
    recipient: str
    kind: str
    state: str  # delivered | failed | pending
    channels: list[ChannelDelivery]


class BroadcastReport(msgspec.Struct, frozen=True, kw_only=True):
    broadcast_id: uuid.UUID
    created_at: datetime
    starts_at: datetime
    ends_at: datetime
    totals: dict[str, int]
    recipients: list[RecipientDelivery]


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
