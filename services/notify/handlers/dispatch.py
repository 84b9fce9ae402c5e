"""Dispatching a channel's deliveries: send what is due, record each attempt, back off on failure.

One dispatcher per channel runs in every instance (``entrypoints/timers.py``). Due rows are claimed
with FOR UPDATE SKIP LOCKED and stay locked until their outcome commits, so two instances never send
the same message; a crash mid-batch releases the locks and those rows are sent again later
(at-least-once there: the e-mail's Message-ID, the webhook's X-WICT-Delivery-Id and the SMS provider's
idempotency key stay the same, so receivers can tell). Each send runs in the trace context stored with
its notification, so it shows in the booking's trace.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import asyncpg
from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode

from services.notify.adapters import repository
from services.notify.adapters.outbound import Delivery, Outcome, Sender, SendFailed, SendOne, failure_from
from services.notify.domain.retry import RetryPolicy, after_failure
from services.notify.handlers.delivery_metrics import count_delivery
from shared.db.unit_of_work import Database
from shared.telemetry import attach, context_from, detach

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@contextlib.contextmanager
def _in_trace_of(row: asyncpg.Record) -> Iterator[None]:
    token = attach(context_from(row["trace_context"]))
    try:
        yield
    finally:
        detach(token)


async def _attempt(row: asyncpg.Record, send: SendOne, tracer: trace.Tracer) -> SendFailed | None:
    delivery = Delivery.from_row(row)
    attributes = {
        "booking.id": str(row["booking_id"]),
        "notify.delivery_id": str(row["id"]),
        "notify.channel": delivery.channel,
        "notify.attempt": row["attempts"] + 1,
    }
    with (
        _in_trace_of(row),
        tracer.start_as_current_span(f"{delivery.channel} send", kind=SpanKind.CLIENT, attributes=attributes),
    ):
        try:
            await send(delivery)
        except SendFailed as failure:
            trace.get_current_span().set_status(Status(StatusCode.ERROR, type(failure.__cause__).__name__))
            return failure
        except Exception as error:  # one bad row must not undo the other outcomes of its batch
            trace.get_current_span().record_exception(error)
            return failure_from(error)
    return None


def _fields(row: asyncpg.Record) -> dict[str, object]:
    return {
        "booking_id": str(row["booking_id"]),
        "delivery_id": str(row["id"]),
        "channel": row["channel"],
        "attempt": row["attempts"] + 1,
    }


async def _record(
    connection: asyncpg.Connection,
    rows: list[asyncpg.Record],
    failures: list[SendFailed | None],
    policy: RetryPolicy,
    now: datetime,
) -> None:
    """Each attempt's outcome: the batch's sent ones in one statement, each failure on its own."""
    sent = [row for row, failure in zip(rows, failures, strict=True) if failure is None]
    await repository.mark_sent(connection, [row["id"] for row in sent], now)
    for row in sent:
        with _in_trace_of(row):
            log.info(f"{row['channel']} sent", extra={"fields": _fields(row)})
    for row, failure in zip(rows, failures, strict=True):
        if failure is not None:
            await _record_failure(connection, row, failure, policy, now)


async def _record_failure(
    connection: asyncpg.Connection,
    row: asyncpg.Record,
    failure: SendFailed,
    policy: RetryPolicy,
    now: datetime,
) -> None:
    outcome = after_failure(policy, row["attempts"] + 1, failure.permanent)
    retry_at = now + outcome.wait if outcome.wait is not None else None
    await repository.mark_failed_attempt(connection, row["id"], now, outcome.state, retry_at, failure.reason)
    error = type(failure.__cause__ or failure).__name__  # the text may quote the address: keep it out of logs
    with _in_trace_of(row):
        log.warning(
            f"{row['channel']} not sent",
            extra={"fields": {**_fields(row), "state": outcome.state, "error": error}},
        )


async def _send_batch(
    rows: list[asyncpg.Record], sender: Sender, tracer: trace.Tracer
) -> list[SendFailed | None]:
    async with sender.session() as send:
        if sender.concurrent:
            return list(await asyncio.gather(*(_attempt(row, send, tracer) for row in rows)))
        return [await _attempt(row, send, tracer) for row in rows]  # in order, on one connection


async def dispatch_once(
    database: Database,
    sender: Sender,
    policy: RetryPolicy,
    tracer: trace.Tracer,
    batch_size: int = 32,
    clock: Clock = utc_now,
) -> int:
    """Attempt every due delivery of the sender's channel in one batch; return how many were handled."""
    async with database.connection() as connection, connection.transaction():
        claimed = await repository.claim_due(connection, sender.channel, clock(), batch_size)
        gone = [row for row in claimed if row["endpoint_state"] not in (None, "active")]
        rows = [row for row in claimed if row not in gone]
        if gone:  # their endpoint was disabled or removed while they waited
            await repository.abandon(connection, [row["id"] for row in gone], clock(), "endpoint disabled")
        failures = await _send_batch(rows, sender, tracer) if rows else []
        now = clock()
        await _record(connection, rows, failures, policy, now)
        outcomes: list[Outcome] = [
            (Delivery.from_row(row), failure) for row, failure in zip(rows, failures, strict=True)
        ]
        await sender.settle(connection, outcomes, now)
    _count(sender.channel, rows, failures, policy, len(gone))
    return len(claimed)


def _count(
    channel: str,
    rows: list[asyncpg.Record],
    failures: list[SendFailed | None],
    policy: RetryPolicy,
    gone: int,
) -> None:
    """``wict.notifications.deliveries`` once the batch's outcomes committed: sent, retrying, failed."""
    outcomes = {"sent": 0, "retrying": 0, "failed": gone}
    for row, failure in zip(rows, failures, strict=True):
        if failure is None:
            outcomes["sent"] += 1
        elif after_failure(policy, row["attempts"] + 1, failure.permanent).state == "failed":
            outcomes["failed"] += 1
        else:
            outcomes["retrying"] += 1
    for outcome, deliveries in outcomes.items():
        count_delivery(channel, outcome, deliveries)
