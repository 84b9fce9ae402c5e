"""What every channel's sender gets (one claimed delivery) and how a sender reports failure."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import asyncpg


class SendFailed(Exception):
    """The message was not accepted; ``permanent`` when the far side refused it for good."""

    def __init__(self, reason: str, permanent: bool) -> None:
        super().__init__(reason)
        self.reason, self.permanent = reason, permanent


def failure_from(error: BaseException, permanent: bool = False) -> SendFailed:
    failure = SendFailed(f"{type(error).__name__}: {error}"[:500], permanent)
    failure.__cause__ = error
    return failure


@dataclass(frozen=True)
class Delivery:
    id: uuid.UUID
    channel: str
    attempts: int
    message_id: uuid.UUID
    booking_id: uuid.UUID | None
    event: str
    recipient_key: str
    address: str  # e-mail address, phone number or endpoint id: personal data, never logged
    locale: str
    subject: str
    text: str
    html: str
    sms: str
    ics: str
    data: dict[str, Any]
    created_at: datetime
    endpoint_id: uuid.UUID | None = None
    endpoint_url: str = ""
    endpoint_secret: str = ""
    endpoint_state: str | None = None

    @classmethod
    def from_row(cls, row: asyncpg.Record) -> Delivery:
        return cls(
            id=row["id"],
            channel=row["channel"],
            attempts=row["attempts"],
            message_id=row["message_id"],
            booking_id=row["booking_id"],
            event=row["event"],
            recipient_key=row["recipient_key"],
            address=row["recipient"],
            locale=row["locale"],
            subject=row["subject"],
            text=row["body"],
            html=row["html"],
            sms=row["sms"],
            ics=row["ics"],
            data=row["data"],
            created_at=row["created_at"],
            endpoint_id=row["endpoint_id"],
            endpoint_url=row["endpoint_url"] or "",
            endpoint_secret=row["endpoint_secret"] or "",
            endpoint_state=row["endpoint_state"],
        )


SendOne = Callable[[Delivery], Awaitable[None]]
Outcome = tuple[Delivery, SendFailed | None]


class Sender(Protocol):
    """One channel: a session sends a batch (raising SendFailed per message); ``settle`` sees the outcomes."""

    channel: str
    timeout: float
    concurrent: bool  # send a batch's messages at once, or one after another

    def session(self) -> AbstractAsyncContextManager[SendOne]: ...

    async def settle(
        self, connection: asyncpg.Connection, outcomes: Sequence[Outcome], now: datetime
    ) -> None: ...
