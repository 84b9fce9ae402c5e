"""Urgent broadcasts: the staff's notice and its delivery report."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec

from services.notify.domain.broadcast import Audience, Notice, Scope


class BroadcastCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    starts_at: datetime
    ends_at: datetime
    # by locale, e.g. {"en": {...}, "zh-CN": {...}}; readers of others get the closest
    notices: dict[str, Notice]
    # where it applies: {"kind": "venue"} | {"kind": "space", "id": "vip-hall"} | {"kind": "booking", "id":
    # "<uuid>"}; then zh-CN and en are required and the venue is asked for the guests on site
    scope: Scope | None = None
    audience: Audience = Audience()  # who hears it: guests, organizers, vendors (all by default)


class BroadcastReceipt(msgspec.Struct, frozen=True, kw_only=True):
    broadcast_id: uuid.UUID
    recipients: int
    report: str
    guests: int | None = (
        None  # guests told; null when the venue did not say who is on site (not asked, or no answer)
    )


class ChannelDelivery(msgspec.Struct, frozen=True, kw_only=True):
    channel: str
    state: str  # the delivery row: pending | sent | failed | skipped | not_reachable
    outcome: str  # as the report counts it: pending | sent | delivered (SMS receipt, feed) | failed | not_reachable
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
    # per channel (in_app, email, sms, webhook): how many deliveries are pending, sent, delivered, failed,
    # not_reachable (the person has no address for the channel)
    channels: dict[str, dict[str, int]]
    recipients: list[RecipientDelivery]
