"""The outbox relay: publishes committed outbox rows to JetStream, in batches, then deletes them.

Rows are locked with SKIP LOCKED, so several instances share the work without publishing a row
twice at the same time; a crash between publish and delete republishes with the same Nats-Msg-Id,
which the stream's duplicate window drops. Each publish runs in the trace context stored with its
row (the request or message that caused it), not the relay's own.
"""

from __future__ import annotations

import asyncio
import logging

import asyncpg
from nats.js import JetStreamContext
from opentelemetry import trace
from opentelemetry.trace import SpanKind

from shared import faults
from shared.db import outbox
from shared.telemetry import context_from, current_traceparent

log = logging.getLogger(__name__)


class OutboxRelay:
    def __init__(
        self,
        pool: asyncpg.Pool,
        jetstream: JetStreamContext,
        tracer: trace.Tracer,
        batch_size: int = 256,
        poll_seconds: float = 0.5,
    ) -> None:
        self._pool = pool
        self._js = jetstream
        self._tracer = tracer
        self._batch_size = batch_size
        self._poll_seconds = poll_seconds
        self._wakeup = asyncio.Event()
        self._stopping = False
        self.published = 0

    def wake(self) -> None:
        self._wakeup.set()

    async def run(self) -> None:
        """Publish until ``stop``; wake on local commits, poll for rows other instances left behind."""
        failures = 0
        while not self._stopping:
            try:
                while await self.relay_batch():
                    pass
                failures = 0
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError, Exception) as error:
                failures += 1
                log.warning(
                    "outbox relay failed, retrying", extra={"fields": {"error": type(error).__name__}}
                )
                await asyncio.sleep(min(0.05 * 2**failures, 5.0))
                continue
            try:
                await asyncio.wait_for(self._wakeup.wait(), self._poll_seconds)
            except TimeoutError:
                pass
            self._wakeup.clear()

    async def stop(self) -> None:
        """Publish what is committed, then end ``run``."""
        self._stopping = True
        self._wakeup.set()
        try:
            while await self.relay_batch():
                pass
        except Exception as error:  # the rows stay; the next start publishes them
            log.warning("outbox not flushed at shutdown", extra={"fields": {"error": type(error).__name__}})

    async def relay_batch(self) -> int:
        async with self._pool.acquire() as connection, connection.transaction():
            rows = await outbox.claim(connection, self._batch_size)
            if not rows:
                return 0
            for row in rows:
                faults.reached("relay.before_publish", row["subject"])
            await asyncio.gather(
                *(self._publish(row["subject"], row["payload"], row["headers"]) for row in rows)
            )
            for row in rows:
                faults.reached("relay.after_publish", row["subject"])
            await outbox.delete(connection, rows)
        self.published += len(rows)
        return len(rows)

    async def _publish(self, subject: str, payload: bytes, headers: dict[str, str]) -> None:
        with self._tracer.start_as_current_span(
            f"{subject} publish",
            context=context_from(headers),
            kind=SpanKind.PRODUCER,
            attributes={
                "messaging.system": "nats",
                "messaging.destination.name": subject,
                "messaging.message.id": headers.get("Nats-Msg-Id", ""),
            },
        ):
            await self._js.publish(subject, payload, headers={**headers, **current_traceparent()})
            if faults.reached("relay.publish", subject) == "twice":  # a copy the dedup window cannot drop
                copy = {**headers, "Nats-Msg-Id": headers.get("Nats-Msg-Id", "") + ":copy"}
                await self._js.publish(subject, payload, headers={**copy, **current_traceparent()})
