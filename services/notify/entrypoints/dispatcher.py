"""The e-mail dispatcher: sends pending deliveries, records each attempt, backs off on failure.

Runs in every instance. Due rows are claimed with FOR UPDATE SKIP LOCKED and stay locked until their
outcome commits, so two instances never send the same e-mail; a crash mid-batch releases the locks
and those rows are sent again later (SMTP is at-least-once there; the Message-ID stays the same).
Each send runs in the trace context stored with its notification, so it shows in the booking's trace.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from typing import TypeVar

import asyncpg
from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode

from services.notify.adapters import repository
from services.notify.adapters.mailer import Email, SendFailed, SmtpMailer
from services.notify.domain.retry import RetryPolicy, after_failure
from shared.db.unit_of_work import Database
from shared.telemetry import attach, context_from, detach

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
T = TypeVar("T")


def utc_now() -> datetime:
    return datetime.now(UTC)


@contextlib.contextmanager
def _in_trace_of(row: asyncpg.Record) -> Iterator[None]:
    token = attach(context_from(row["trace_context"]))
    try:
        yield
    finally:
        detach(token)


def _email(row: asyncpg.Record) -> Email:
    return Email(
        delivery_id=row["id"], booking_id=row["booking_id"], event=row["event"], recipient=row["recipient"],
        locale=row["locale"], subject=row["subject"], text=row["body"], html=row["html"],
    )  # fmt: skip


async def _send(row: asyncpg.Record, mailer: SmtpMailer, tracer: trace.Tracer) -> SendFailed | None:
    attributes = {"booking.id": str(row["booking_id"]), "notify.delivery_id": str(row["id"]),
                  "notify.attempt": row["attempts"] + 1}  # fmt: skip
    with (
        _in_trace_of(row),
        tracer.start_as_current_span("email send", kind=SpanKind.CLIENT, attributes=attributes),
    ):
        try:
            await mailer.send(_email(row))
        except SendFailed as failure:
            trace.get_current_span().set_status(Status(StatusCode.ERROR, type(failure.__cause__).__name__))
            return failure
        except Exception as error:  # one bad row must not undo the other outcomes of its batch
            trace.get_current_span().record_exception(error)
            unexpected = SendFailed(f"{type(error).__name__}: {error}"[:500], permanent=False)
            unexpected.__cause__ = error
            return unexpected
    return None


async def _record(
    connection: asyncpg.Connection,
    row: asyncpg.Record,
    failure: SendFailed | None,
    policy: RetryPolicy,
    now: datetime,
) -> None:
    fields = {
        "booking_id": str(row["booking_id"]),
        "delivery_id": str(row["id"]),
        "attempt": row["attempts"] + 1,
    }
    if failure is None:
        await repository.mark_sent(connection, row["id"], now)
        with _in_trace_of(row):
            log.info("email sent", extra={"fields": fields})
        return
    outcome = after_failure(policy, row["attempts"] + 1, failure.permanent)
    retry_at = now + outcome.wait if outcome.wait is not None else None
    await repository.mark_failed_attempt(connection, row["id"], now, outcome.state, retry_at, failure.reason)
    error = type(failure.__cause__).__name__  # the text may quote the address: keep it out of logs
    with _in_trace_of(row):
        log.warning("email not sent", extra={"fields": {**fields, "state": outcome.state, "error": error}})


async def dispatch_once(
    database: Database, mailer: SmtpMailer, policy: RetryPolicy, tracer: trace.Tracer,
    batch_size: int = 32, clock: Clock = utc_now,
) -> int:  # fmt: skip
    """Attempt every due e-mail delivery of one batch; return how many were attempted."""
    async with database.pool.acquire() as connection, connection.transaction():
        rows = await repository.claim_due(connection, "email", clock(), batch_size)
        failures = await asyncio.gather(*(_send(row, mailer, tracer) for row in rows))
        now = clock()
        for row, failure in zip(rows, failures, strict=True):
            await _record(connection, row, failure, policy, now)
    return len(rows)


async def _finish_even_if_cancelled(work: Awaitable[T], grace: float) -> T:
    """Let a batch in flight record its outcome on shutdown, so mail already sent is not sent again."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, grace)
        raise


async def run_dispatcher(
    database: Database, mailer: SmtpMailer, policy: RetryPolicy, tracer: trace.Tracer,
    interval: float = 0.2, batch_size: int = 32,
) -> None:  # fmt: skip
    """Forever: send every due e-mail (batch after batch while batches come back full), then sleep."""
    grace = mailer.timeout * 3
    while True:
        try:
            attempted = batch_size
            while attempted == batch_size:
                attempted = await _finish_even_if_cancelled(
                    dispatch_once(database, mailer, policy, tracer, batch_size), grace
                )
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("e-mail dispatch failed; retrying")
        await asyncio.sleep(interval)
