"""The envelope every cross-service message shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import ClassVar

import msgspec


def new_message_id() -> uuid.UUID:
    return uuid.uuid4()


def _now() -> datetime:
    return datetime.now(UTC)


class Message(msgspec.Struct, frozen=True, kw_only=True):
    """Identity and causality of a message; the trace context travels in its NATS headers."""

    subject: ClassVar[str]

    message_id: uuid.UUID = msgspec.field(default_factory=new_message_id)
    booking_id: uuid.UUID
    causation_id: uuid.UUID | None = None
    schema_version: int = 1
    occurred_at: datetime = msgspec.field(default_factory=_now)


class PlanMessage(Message, frozen=True, kw_only=True):
    """A saga message about one plan of a booking.

    A booking's first plan is revision 0; a change reserves revision n+1 beside revision n, and
    confirming it supersedes (releases) the older revisions, while rejecting it leaves them as they were.
    """

    revision: int = 0
