"""The in-app feed's answers: a notification and each channel's delivery state."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec


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
