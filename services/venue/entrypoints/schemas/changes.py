"""Types of a booking's changes."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec


class Change(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    booking_id: uuid.UUID
    revision: int
    state: str
    changes: list[str]
    reason: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
