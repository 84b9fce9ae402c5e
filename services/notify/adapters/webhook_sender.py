"""Delivering to webhooks over HTTP (httpx): a signed JSON body; any answer but 2xx is a failure.

A failure counts against the endpoint; ``disable_after`` failures in a row disable it, give up its
waiting deliveries and tell its owner (``on_disabled``), all in the dispatcher's transaction.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from functools import partial

import asyncpg
import httpx
import msgspec

from services.notify.adapters import webhooks
from services.notify.adapters.outbound import Delivery, Outcome, SendFailed, SendOne, failure_from
from services.notify.domain.signature import HEADER, sign

OnDisabled = Callable[[asyncpg.Connection, asyncpg.Record, datetime], Awaitable[None]]
USER_AGENT = "WICT-Notify/1 (+webhooks)"


def webhook_body(delivery: Delivery) -> bytes:
    """What the receiver gets: the notice as text, in the recipient's language, and its structured data."""
    return msgspec.json.encode(
        {
            "id": str(delivery.id),
            "event": delivery.event,
            "message_id": str(delivery.message_id),
            "booking_id": str(delivery.booking_id) if delivery.booking_id else None,
            "created_at": delivery.created_at,
            "locale": delivery.locale,
            "subject": delivery.subject,
            "text": delivery.text,
            "data": delivery.data,
        }
    )


class WebhookSender:
    channel = "webhook"
    concurrent = True

    def __init__(
        self,
        disable_after: int,
        on_disabled: OnDisabled,
        timeout: float = 10.0,
        transport: httpx.AsyncBaseTransport | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.disable_after, self.on_disabled, self.timeout = disable_after, on_disabled, timeout
        self.transport, self.wall_clock = transport, wall_clock

    @asynccontextmanager
    async def session(self) -> AsyncIterator[SendOne]:
        async with httpx.AsyncClient(
            timeout=self.timeout, transport=self.transport, follow_redirects=False
        ) as client:
            yield partial(self._post, client)

    async def _post(self, client: httpx.AsyncClient, delivery: Delivery) -> None:
        body = webhook_body(delivery)
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-WICT-Delivery-Id": str(delivery.id),
            "X-WICT-Event": delivery.event,
            HEADER: sign(delivery.endpoint_secret, int(self.wall_clock()), body),
        }
        try:
            response = await client.post(delivery.endpoint_url, content=body, headers=headers)
        except httpx.HTTPError as error:
            raise failure_from(error) from error
        if not 200 <= response.status_code < 300:
            raise SendFailed(f"HTTP {response.status_code}", permanent=False)

    async def settle(
        self, connection: asyncpg.Connection, outcomes: Sequence[Outcome], now: datetime
    ) -> None:
        """Count each endpoint's outcomes, in a fixed order so concurrent dispatchers never deadlock."""
        by_endpoint: dict[uuid.UUID, list[SendFailed | None]] = {}
        for delivery, failure in outcomes:
            if delivery.endpoint_id is not None:
                by_endpoint.setdefault(delivery.endpoint_id, []).append(failure)
        for endpoint_id in sorted(by_endpoint):
            for failure in by_endpoint[endpoint_id]:
                if failure is None:
                    await webhooks.succeeded(connection, endpoint_id, now)
                    continue
                disabled = await webhooks.failed(connection, endpoint_id, now, self.disable_after)
                if disabled is not None:
                    await webhooks.fail_pending(connection, endpoint_id, now, "endpoint disabled")
                    await self.on_disabled(connection, disabled, now)
