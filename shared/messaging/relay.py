"""The outbox relay: publishes committed outbox rows to JetStream, then deletes them.

Right after a transaction commits, ``Database`` hands the relay the rows it wrote (``hand_over``): the
relay publishes them at once, every row waiting in one batch with its acks in flight together, then
deletes the batch in one statement; no read of the rows back. A sweep (``relay_batch``) publishes what
no relay holds in memory: rows of an instance that crashed or lost NATS before publishing. It claims
rows older than ``handover_seconds`` with SKIP LOCKED, so several instances share it without publishing
a row twice at the same time. A row published twice all the same (a crash between publish and delete,
or a sweep meeting a slow hand-over) carries the same Nats-Msg-Id, which the stream's duplicate window
drops. Each publish runs in the trace context stored with its row (the request or message that caused
it), not the relay's own.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping, Sequence

import asyncpg
from nats.js import JetStreamContext
from opentelemetry import trace
from opentelemetry.trace import SpanKind

from shared import faults
from shared.db import outbox
from shared.db.unit_of_work import OutboxMessage
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
        handover_seconds: float = 5.0,
    ) -> None:
        self._pool = pool
        self._js = jetstream
        self._tracer = tracer
        self._batch_size = batch_size
        self._poll_seconds = poll_seconds
        self._handover_seconds = handover_seconds  # younger rows are in some relay's hands
        self._handed: list[OutboxMessage] = []
        self._wakeup = asyncio.Event()
        self._stopping = False
        self.published = 0

    def hand_over(self, messages: Sequence[OutboxMessage]) -> None:
        """Rows a transaction just committed: publish them now (``Database``'s commit hook)."""
        self._handed.extend(messages)
        self._wakeup.set()

    async def run(self) -> None:
        """Publish until ``stop``: what commits hand over at once, what others left behind by sweeps."""
        failures, swept_at, min_age = 0, 0.0, 0.0  # the first sweep takes every row: nothing is in hand yet
        while not self._stopping:
            try:
                while self._handed:
                    await self.publish_handed()
                if time.monotonic() - swept_at >= self._poll_seconds:
                    while await self.relay_batch(min_age):
                        pass
                    swept_at, min_age = time.monotonic(), self._handover_seconds
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
            while self._handed:
                await self.publish_handed()
            while await self.relay_batch():
                pass
        except Exception as error:  # the rows stay; the next start publishes them
            log.warning("outbox not flushed at shutdown", extra={"fields": {"error": type(error).__name__}})

    async def publish_handed(self) -> int:
        """Publish the rows handed over so far (their acks in flight together), delete those published.
        A row whose publish failed stays in the outbox for a sweep; the failure is raised after."""
        batch, self._handed = self._handed[: self._batch_size], self._handed[self._batch_size :]
        published, error = await self._publish_rows([(m.seq, m.subject, m.payload, m.headers) for m in batch])
        if published:
            await outbox.delete(self._pool, published)
        self.published += len(published)
        if error is not None:
            raise error
        return len(published)

    async def relay_batch(self, min_age: float = 0.0) -> int:
        """Claim rows at least ``min_age`` seconds old that no relay holds, publish them, delete them."""
        async with self._pool.acquire() as connection, connection.transaction():
            rows = await outbox.claim(connection, self._batch_size, min_age)
            if not rows:
                return 0
            published, error = await self._publish_rows(
                [(row["seq"], row["subject"], row["payload"], row["headers"]) for row in rows]
            )
            if published:
                await outbox.delete(connection, published)
        self.published += len(published)
        if error is not None:  # after the commit: what was published stays deleted
            raise error
        return len(rows)

    async def _publish_rows(
        self, rows: list[tuple[int, str, bytes, Mapping[str, str]]]
    ) -> tuple[list[int], BaseException | None]:
        """Publish each row (all acks in flight together): the seqs JetStream acknowledged, and the first
        failure if any row was not."""
        for _, subject, _, _ in rows:
            faults.reached("relay.before_publish", subject)
        outcomes = await asyncio.gather(
            *(self._publish(subject, payload, headers) for _, subject, payload, headers in rows),
            return_exceptions=True,
        )
        for _, subject, _, _ in rows:
            faults.reached("relay.after_publish", subject)
        published = [row[0] for row, outcome in zip(rows, outcomes, strict=True) if outcome is None]
        failed = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
        return published, failed[0] if failed else None

    async def _publish(self, subject: str, payload: bytes, headers: Mapping[str, str]) -> None:
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
