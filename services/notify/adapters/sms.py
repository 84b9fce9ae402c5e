"""SMS through a provider interface; the dev provider records each message in a table instead of sending."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Protocol

import asyncpg

from services.notify.adapters import sms_records
from services.notify.adapters.outbound import Delivery, Outcome, SendFailed, SendOne, failure_from


class SmsProvider(Protocol):
    async def send(self, delivery: Delivery) -> str | None:
        """Hand the delivery's message over; the provider's message id when it gives one."""


class DevSmsProvider:
    """Writes to ``dev_sms_messages`` (queryable at /ops/dev-sms): nothing leaves the machine."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def send(self, delivery: Delivery) -> str | None:
        await self.record(delivery.address, (delivery.sms or delivery.subject)[:SMS_LIMIT], delivery.id)
        return None

    async def record(self, phone: str, text: str, idempotency_key: uuid.UUID) -> None:
        """The same ``idempotency_key`` again records nothing (a resent delivery is one message)."""
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
        self._message_ids: dict[uuid.UUID, str] = {}  # the provider's ids of this batch, until settled

    async def _send(self, delivery: Delivery) -> None:
        try:
            message_id = await self.provider.send(delivery)
        except SendFailed:
            raise
        except Exception as error:
            raise failure_from(error) from error
        if message_id is not None:
            self._message_ids[delivery.id] = message_id

    @asynccontextmanager
    async def session(self) -> AsyncIterator[SendOne]:
        yield self._send

    async def settle(
        self, connection: asyncpg.Connection, outcomes: Sequence[Outcome], now: datetime
    ) -> None:
        """Keep the provider's message id of each accepted delivery (the receipts name it too)."""
        ids = [(d.id, self._message_ids.pop(d.id)) for d, failure in outcomes if d.id in self._message_ids]
        if ids:
            await sms_records.record_provider_ids(connection, ids)
