"""The notify service's periodic loops (``shared/loops.py``): one dispatcher per channel, the reminders, the
retention of delivered notifications' payloads (``WICT_PAYLOAD_RETENTION_DAYS`` [30]) and, with the Tencent
SMS provider, its delivery receipts (``WICT_SMS_RECEIPTS_INTERVAL_SECONDS`` [30]).

Every instance runs them. Due deliveries and reminders are claimed FOR UPDATE SKIP LOCKED, so each is
handled once, after restarts too; a batch that comes back full is followed at once by the next.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from opentelemetry import trace

from services.notify.adapters.outbound import Sender
from services.notify.adapters.retention import clear_payloads
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.dispatch import dispatch_once
from services.notify.handlers.reminders import fire_due
from services.notify.handlers.sms_receipts import PULL_LIMIT, PullReceipts, record_receipts
from services.notify.handlers.telling import Notifier
from shared.db.unit_of_work import Database
from shared.loops import drain, every

Loop = Callable[[], Coroutine[Any, Any, None]]
T = TypeVar("T")


async def _finish_even_if_cancelled(work: Awaitable[T], grace: float) -> T:
    """Let a batch in flight record its outcome on shutdown, so what was sent is not sent again."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, grace)
        raise


def dispatcher(
    database: Database,
    sender: Sender,
    policy: RetryPolicy,
    tracer: trace.Tracer,
    interval: float = 1.0,
    batch_size: int = 32,
    wake: asyncio.Event | None = None,
) -> Loop:
    """Forever: send every due delivery of the channel (batch after batch while they come back full), then
    sleep until ``wake`` (a new delivery committed here) or ``interval`` (retries that came due, other
    instances' deliveries)."""
    grace = sender.timeout * 3

    async def batch() -> bool:
        attempted = await _finish_even_if_cancelled(
            dispatch_once(database, sender, policy, tracer, batch_size), grace
        )
        return attempted == batch_size

    async def dispatch() -> None:
        await every(interval, drain(batch), name=f"{sender.channel} dispatch", wake=wake)

    dispatch.__name__ = f"dispatch-{sender.channel}"
    return dispatch


def reminders(
    database: Database,
    notifier: Notifier,
    tracer: trace.Tracer,
    interval: float = 1.0,
    batch_size: int = 32,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Loop:
    """Forever: fire what is due (batch after batch while they come back full), then sleep."""

    async def batch() -> bool:
        return await fire_due(database, notifier, tracer, clock(), batch_size) == batch_size

    async def remind() -> None:
        await every(interval, drain(batch), name="reminder round")

    return remind


RETENTION_BATCH = 1000


async def clear_delivered_payloads(database: Database, keep_days: float, now: datetime | None = None) -> int:
    """Clear the payloads of every notification older than ``keep_days`` with nothing left to deliver."""
    before = (now or datetime.now(UTC)) - timedelta(days=keep_days)
    cleared = 0
    while (batch := await clear_payloads(database.pool, before, RETENTION_BATCH)) > 0:
        cleared += batch
        if batch < RETENTION_BATCH:
            break
    return cleared


def payload_retention(database: Database, keep_days: float, interval: float) -> Loop:
    """Forever: clear what delivered notifications no longer need, then sleep ``interval``."""

    async def retain() -> None:
        await every(interval, lambda: clear_delivered_payloads(database, keep_days), name="payload retention")

    return retain


def sms_receipts(database: Database, pull: PullReceipts, interval: float) -> Loop:
    """Forever: pull the SMS provider's receipts (batch after batch while they come back full), then sleep."""

    async def batch() -> bool:
        return await record_receipts(database, pull) == PULL_LIMIT

    async def poll() -> None:
        await every(interval, drain(batch), name="sms receipts")

    return poll
