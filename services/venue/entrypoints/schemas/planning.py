"""Types of activity planning requests and tasks."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

import msgspec
from msgspec import UNSET, Meta, UnsetType

from services.venue.entrypoints.schemas.common import Locale, LongText


class PlanningRequestCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What the organizer wants help with; the venue answers in the contact language."""

    request: LongText
    contact_language: Locale | None = None


class PlanningTaskUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Fields left out stay as they are; ``assignee_id: null`` unassigns."""

    status: Literal["open", "in_progress", "done"] | None = None
    assignee_id: uuid.UUID | UnsetType | None = UNSET
    notes: Annotated[str, Meta(max_length=4000)] | None = None


class PlanningTask(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    task_id: uuid.UUID
    booking_id: uuid.UUID
    request: str
    contact_language: str
    status: str
    created_at: datetime
    updated_at: datetime
    assignee_id: uuid.UUID | None = None  # staff and ops only
    notes: str | None = None  # staff and ops only
