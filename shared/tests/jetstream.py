"""Helpers for tests that drive a service process over real JetStream: publish, wait until settled, read
back every message a stream holds about one booking."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg
import msgspec
from nats.js import JetStreamContext
from nats.js.api import DeliverPolicy

from shared.contracts import Message
from shared.contracts.tasks import VendorTaskMessage


async def send(js: JetStreamContext, message: Message, subject: str | None = None, msg_id: str = "") -> None:
    """Publish ``message`` on its subject (a vendor task message: its vendor's), or on ``subject``, with its
    id as Nats-Msg-Id, or ``msg_id``."""
    headers = {"Nats-Msg-Id": msg_id or str(message.message_id)}
    own = message.vendor_subject() if isinstance(message, VendorTaskMessage) else message.subject
    await js.publish(subject or own, msgspec.json.encode(message), headers=headers)


async def eventually(condition: Callable[[], Awaitable[Any]], within: float = 30.0) -> Any:
    """Wait until ``condition()`` is truthy (a wait, not an assertion on speed)."""
    deadline = time.monotonic() + within
    while not (value := await condition()):
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.1)
    return value


async def settled(js: JetStreamContext, stream: str, durable: str, database_url: str) -> None:
    """Wait until the durable consumer has every message handled and acked, and the outbox is published."""

    async def consumer_idle() -> bool:
        info = await js.consumer_info(stream, durable)
        return info.num_pending == 0 and info.num_ack_pending == 0

    async def outbox_empty() -> bool:
        connection = await asyncpg.connect(database_url)
        try:
            return await connection.fetchval("SELECT count(*) FROM outbox") == 0
        finally:
            await connection.close()

    await eventually(consumer_idle)
    await eventually(outbox_empty)


async def stored(
    js: JetStreamContext, subject: str, booking_id: uuid.UUID
) -> list[tuple[str, dict[str, Any]]]:
    """Every message the stream holds on ``subject`` (wildcards allowed) about ``booking_id``, in order."""
    found: list[tuple[str, dict[str, Any]]] = []
    subscription = await js.subscribe(subject, ordered_consumer=True, deliver_policy=DeliverPolicy.ALL)
    try:
        while True:
            message = await subscription.next_msg(timeout=10)
            body = msgspec.json.decode(message.data)
            if body.get("booking_id") == str(booking_id):
                found.append((message.subject, body))
            if message.metadata.num_pending == 0:
                return found
    finally:
        await subscription.unsubscribe()
