"""The phases that drive bookings: sequential (one at a time) and throughput (many in flight).

Each phase is measured over one window: CPU of every process of the stack (psutil), statements and
transactions in PostgreSQL (pg_stat_statements, pg_stat_database), and the spans of the bookings'
traces in the span store."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import asyncpg

from deploy.bench.calendar import Calendar
from deploy.bench.driver import Booking, Driver, run_bookings
from deploy.bench.figures import Figures, difference, latency_ms, per_item, ratio
from deploy.bench.observe import (
    PgCounters,
    backlog,
    cpu_seconds,
    mail_count,
    pg_counters,
    settled_trace_counts,
)
from deploy.bench.stack import BenchStack
from deploy.embedded.stack import SERVICES

TRACE_SAMPLE = 200  # traces read per phase for the span counts (evenly spread over the phase)
DRAIN_LIMIT_SECONDS = 900.0


@dataclass
class Sizes:
    sequential: int = 200
    throughput: int = 2000
    concurrency: int = 32
    warmup: int = 5
    calendar: int = 500
    availability_requests: int = 300
    availability_concurrency: int = 8
    growth: int = 200_000
    baseline_messages: int = 3000
    baseline_transactions: int = 2000
    idle_seconds: int = 5  # the stack left alone: background work per second, memory at rest
    # nothing left to do and no new e-mail for this long: the bookings' work is done
    mail_quiet_seconds: int = 1


@dataclass
class Context:
    bench: BenchStack
    driver: Driver
    sizes: Sizes
    progress: Callable[[str], None]
    calendar: Calendar = field(default_factory=Calendar)
    baselines: Figures = field(default_factory=dict)
    idle: Figures = field(default_factory=dict)  # background work per second while nothing is booked
    templates: list[str] = field(default_factory=list)
    calendar_seeded: bool = False


@dataclass
class Window:
    """CPU and PostgreSQL counters at the start of a measured stretch."""

    cpu: dict[str, float]
    pg: PgCounters
    started: float

    @classmethod
    async def open(cls, context: Context) -> Window:
        return cls(
            cpu_seconds(context.bench.stack.processes()),
            await pg_counters(context.bench.dsn()),
            time.perf_counter(),
        )

    async def close(self, context: Context) -> tuple[dict[str, float], PgCounters, float]:
        cpu = difference(cpu_seconds(context.bench.stack.processes()), self.cpu)
        pg = await pg_counters(context.bench.dsn())
        elapsed = time.perf_counter() - self.started
        delta = PgCounters(pg.statements - self.pg.statements, pg.transactions - self.pg.transactions)
        return cpu, delta, elapsed


def stack_cpu(cpu: dict[str, float]) -> dict[str, float]:
    """Per process, plus the stack's total (the bench client is shown but not part of it)."""
    total = sum(value for name, value in cpu.items() if name != "bench client")
    return {**cpu, "stack total": total}


async def measure_idle(context: Context) -> Figures:
    """What the stack does with nothing to do: statements, transactions and CPU per second."""
    window = await Window.open(context)
    await asyncio.sleep(context.sizes.idle_seconds)
    cpu, pg, elapsed = await window.close(context)
    context.idle = {
        "sql_statements_per_s": pg.statements / elapsed,
        "transactions_per_s": pg.transactions / elapsed,
        "cpu_ms_per_s": {name: value * 1000 / elapsed for name, value in stack_cpu(cpu).items()},
    }
    return context.idle


async def drain(context: Context) -> tuple[int, float]:
    """Wait until the work the bookings so far caused is done: nothing waits in a consumer, an outbox
    or notify's deliveries, and the SMTP sink's count has not moved for `mail_quiet_seconds`.
    Returns the messages the sink holds and the seconds until the stack was done."""
    databases = {name: await asyncpg.connect(context.bench.dsn(name)) for name in SERVICES}
    try:
        return await _wait_until_done(context, databases)
    finally:
        for connection in databases.values():
            await connection.close()


async def _wait_until_done(context: Context, databases: dict[str, asyncpg.Connection]) -> tuple[int, float]:
    maildir, started = context.bench.stack.smtp.maildir, time.perf_counter()
    count, still_since = mail_count(maildir), started
    while True:
        pending = await backlog(context.driver.nats, databases)
        now = mail_count(maildir)
        if now != count or any(pending.values()):
            count, still_since = now, time.perf_counter()
        elif time.perf_counter() - still_since >= context.sizes.mail_quiet_seconds:
            return count, still_since - started
        if time.perf_counter() - started > DRAIN_LIMIT_SECONDS:
            waiting = {name: n for name, n in pending.items() if n}
            context.progress(
                f"still not done after {DRAIN_LIMIT_SECONDS:.0f} s ({waiting}): measuring anyway"
            )
            return count, time.perf_counter() - started
        await asyncio.sleep(0.5)


async def warm_up(context: Context) -> None:
    """A few bookings first: connections, prepared statements and caches of a fresh stack."""
    requests = [context.calendar.next_request() for _ in range(context.sizes.warmup)]
    await run_bookings(context.driver, requests, 1, context.progress, "warm-up")
    await drain(context)


async def booking_phase(context: Context, label: str, count: int, concurrency: int) -> Figures:
    """`count` bookings, `concurrency` of them in flight, measured over one window."""
    requests = [context.calendar.next_request() for _ in range(count)]
    context.progress(f"{label}: {count} bookings, {concurrency} in flight")
    mails_before = mail_count(context.bench.stack.smtp.maildir)
    window = await Window.open(context)
    bookings, elapsed = await run_bookings(context.driver, requests, concurrency, context.progress, label)
    mails, drain_seconds = await drain(context)  # the work a booking causes ends with its e-mails
    cpu, pg, window_seconds = await window.close(context)
    await context.driver.verify(bookings)
    figures = _outcome_figures(bookings, elapsed, concurrency)
    confirmed = figures["confirmed"]
    figures["notices_drained_s"] = drain_seconds  # after the last outcome, until the last e-mail
    figures["sustained_bookings_per_s"] = confirmed / (elapsed + drain_seconds) if elapsed > 0 else 0.0
    figures["mails_per_booking"] = (mails - mails_before) / confirmed if confirmed else float("nan")
    figures["cpu_ms_per_booking"] = per_item(stack_cpu(cpu), confirmed, 1000)
    figures["cpu_busy_share"] = ratio(stack_cpu(cpu)["stack total"], window_seconds * (os.cpu_count() or 1))
    figures["per_booking"] = {
        **_pg_per_booking(context, pg, window_seconds, confirmed),
        **await asyncio.to_thread(_trace_per_booking, context, bookings),
    }
    figures["ratios"] = booking_ratios(figures, context.baselines)
    context.progress(
        f"{label}: {confirmed}/{count} confirmed, {figures['bookings_per_s']:.1f}/s, "
        f"p50 {figures['post_to_confirmed_ms']['p50']:.0f} ms"
    )
    return figures


def _outcome_figures(bookings: list[Booking], elapsed: float, concurrency: int) -> Figures:
    confirmed = [b for b in bookings if b.status == "confirmed" and b.confirmed_s is not None]
    return {
        "bookings": len(bookings),
        "concurrency": concurrency,
        "confirmed": len(confirmed),
        "rejected": sum(1 for b in bookings if b.status == "rejected"),
        "without_outcome": sum(1 for b in bookings if b.http_status == 202 and b.outcome_at is None),
        "refused": sum(1 for b in bookings if b.http_status not in (0, 202)),
        "errors": sum(1 for b in bookings if b.http_status == 0),
        "rejection_reasons": dict(Counter(b.reason[:120] for b in bookings if b.status == "rejected")),
        "seconds": elapsed,
        "bookings_per_s": len(confirmed) / elapsed if elapsed > 0 else 0.0,
        "post_to_confirmed_ms": latency_ms([b.confirmed_s for b in confirmed if b.confirmed_s is not None]),
        "post_answered_ms": latency_ms([b.answered_s for b in bookings if b.answered_s is not None]),
    }


def _pg_per_booking(context: Context, pg: PgCounters, seconds: float, confirmed: int) -> Figures:
    """Statements and transactions per booking, less what the stack does anyway in that time."""
    idle_statements = context.idle.get("sql_statements_per_s", 0.0) * seconds
    idle_transactions = context.idle.get("transactions_per_s", 0.0) * seconds
    shares = per_item(
        {
            "sql_statements": pg.statements - idle_statements,
            "sql_statements_with_background": pg.statements,
            "transactions": pg.transactions - idle_transactions,
        },
        confirmed,
    )
    return shares


def _trace_per_booking(context: Context, bookings: list[Booking]) -> Figures:
    traced = [b.trace_id for b in bookings if b.status == "confirmed" and b.trace_id]
    step = max(1, len(traced) // TRACE_SAMPLE)
    counts = settled_trace_counts(context.bench.span_dir, traced[::step])
    if not counts:
        return {"round_trips": float("nan"), "spans": float("nan"), "spans_by_service": {}}
    services = sorted({name for count in counts for name in count.by_service})
    return {
        "round_trips": statistics.median(count.statements for count in counts),
        "spans": statistics.median(count.spans for count in counts),
        "spans_max": max(count.spans for count in counts),
        "spans_by_service": {
            name: statistics.median(count.by_service.get(name, 0) for count in counts) for name in services
        },
    }


def booking_ratios(figures: Figures, baselines: Figures) -> Figures:
    """Bookings/s as a share of the raw rates; latency in units of one raw round (publish+ack, commit)."""
    js, pg = baselines.get("jetstream", {}), baselines.get("postgres", {})
    p50 = figures["post_to_confirmed_ms"]["p50"] / 1000
    return {
        "bookings_per_s_to_jetstream_acks_per_s": ratio(
            figures["bookings_per_s"], js.get("in_flight_64_per_s", 0)
        ),
        "bookings_per_s_to_postgres_commits_per_s": ratio(
            figures["bookings_per_s"], pg.get("pool_16_per_s", 0)
        ),
        "p50_confirmed_in_jetstream_acks": p50 * js.get("sequential_per_s", float("nan")),
        "p50_confirmed_in_postgres_commits": p50 * pg.get("single_connection_per_s", float("nan")),
    }
