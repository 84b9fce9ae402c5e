"""Types of staff approval."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

import msgspec
from msgspec import Meta


class PendingApproval(msgspec.Struct, frozen=True, kw_only=True):
    booking_id: uuid.UUID
    title: str
    space_id: str
    starts_at: datetime
    ends_at: datetime
    attendees: int
    decide_by: datetime


class ApprovalDecision(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    decision: Literal["approve", "reject"]
    reason: Annotated[str, Meta(max_length=500)] = ""
