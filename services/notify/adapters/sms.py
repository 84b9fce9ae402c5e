"""SMS through a provider interface; the dev provider records each message in a table instead of sending."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Protocol

import asyncpg

from services.notify.adapters.outbound import Delivery, Outcome, SendFailed, SendOne, failure_from


class SmsProvider(Protocol):
    async def send(self, phone: str, text: str, idempotency_key: uuid.UUID) -> None:
        """Hand the message over; the same ``idempotency_key`` again must not send a second message."""


class DevSmsProvider:
    """Writes to ``dev_sms_messages`` (queryable at /ops/dev-sms): nothing leaves the machine."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def send(self, phone: str, text: str, idempotency_key: uuid.UUID) -> None:
        await self.pool.execute(
            "INSERT INTO dev_sms_messages (idempotency_key, phone, body) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            idempotency_key,
            phone,
            text,
        )


SMS_LIMIT = 500  # characters; providers split longer texts into parts


class SmsSender:
    channel = "sms"
    concurrent = True

    def __init__(self, provider: SmsProvider, timeout: float = 10.0) -> None:
        self.provider, self.timeout = provider, timeout

    async def _send(self, delivery: Delivery) -> None:
        text = (delivery.sms or delivery.subject)[:SMS_LIMIT]
        try:
            await self.provider.send(delivery.address, text, delivery.id)
        except SendFailed:
            raise
        except Exception as error:
            raise failure_from(error) from error

    @asynccontextmanager
    async def session(self) -> AsyncIterator[SendOne]:
        yield self._send

    async def settle(
        self, connection: asyncpg.Connection, outcomes: Sequence[Outcome], now: datetime
    ) -> None:
        return None
