"""What the bench reads from the running stack: CPU and memory of every process (psutil), statement
and transaction counters of PostgreSQL, and the spans of each booking's trace in the span store."""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import nats.errors
import psutil

from deploy.embedded.process import REPO_ROOT, ChildProcess
from deploy.embedded.stack import DATABASES
from shared.span_store import SpanRecord, read_trace, trace_path

MIB = 1024 * 1024


def _family(process: ChildProcess) -> list[psutil.Process]:
    found = []
    for pid in process.family_pids():
        try:
            found.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            continue
    return found


def cpu_seconds(processes: dict[str, ChildProcess]) -> dict[str, float]:
    """CPU seconds (user + system) used so far by each process with its descendants, and by the bench.

    The main process also counts its reaped children (PostgreSQL's backends that have exited), so the
    difference of two readings covers every backend that ran in between."""
    seconds: dict[str, float] = {}
    for name, process in processes.items():
        total = 0.0
        for member in _family(process):
            try:
                times = member.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system
            if member.pid == process.pid:
                total += times.children_user + times.children_system
        seconds[name] = total
    own = psutil.Process(os.getpid()).cpu_times()
    seconds["bench client"] = own.user + own.system
    return seconds


def memory_mib(processes: dict[str, ChildProcess]) -> dict[str, dict[str, float]]:
    """Resident memory of each process family: RSS (shared pages counted in every process) and PSS
    (shared pages split between the processes that map them: the figure that adds up)."""
    found: dict[str, dict[str, float]] = {}
    for name, process in processes.items():
        rss = pss = 0
        for member in _family(process):
            try:
                info = member.memory_full_info()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        found[name] = {"rss": rss / MIB, "pss": pss / MIB}
    found["total"] = {kind: sum(entry[kind] for entry in found.values()) for kind in ("rss", "pss")}
    return found


def mail_count(maildir: Path) -> int:
    """Messages the SMTP sink has stored (its maildir's new/ and cur/)."""
    return sum(len(os.listdir(maildir / folder)) for folder in ("new", "cur") if (maildir / folder).exists())


TOPOLOGY = (
    REPO_ROOT / "docs" / "nats-topology.json"
)  # the services' durable consumers (kept current by a test)
_UNSENT = {  # per database: rows that are work still to do (a table that is not there counts nothing)
    "venue": ["SELECT count(*) FROM outbox"],
    "interpreting": ["SELECT count(*) FROM outbox"],
    "catering": ["SELECT count(*) FROM outbox"],
    "notify": ["SELECT count(*) FROM outbox", "SELECT count(*) FROM deliveries WHERE state = 'pending'"],
}


async def backlog(nats_connection: Any, databases: dict[str, asyncpg.Connection]) -> dict[str, int]:
    """Work the stack has not done yet: messages waiting in the services' durable consumers (delivered
    or not, unacknowledged), outbox rows not yet published, notices not yet sent (notify's deliveries).
    `databases`: an open connection to each service's database."""
    found: dict[str, int] = {}
    jsm = nats_connection.jsm()
    for durable, where in json.loads(TOPOLOGY.read_text())["consumers"].items():
        try:
            info = await jsm.consumer_info(where["stream"], durable)
        except nats.errors.Error:
            continue
        found[f"consumer {durable}"] = (info.num_pending or 0) + (info.num_ack_pending or 0)
    for database, queries in _UNSENT.items():
        for query in queries:
            with contextlib.suppress(asyncpg.UndefinedTableError, asyncpg.UndefinedColumnError):
                found[f"{database}: {query.split(' FROM ')[1]}"] = int(
                    await databases[database].fetchval(query)
                )
    return found


@dataclass(frozen=True)
class PgCounters:
    statements: float  # pg_stat_statements calls, top level, in the four services' databases
    # pg_stat_database commits + rollbacks there: busy backends publish them once a second, idle ones
    # within ten, so the figure is good for phases of many seconds only (statements are exact)
    transactions: float


async def pg_counters(dsn: str) -> PgCounters:
    connection = await asyncpg.connect(dsn)
    try:
        statements = await connection.fetchval(
            "SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s"
            " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ANY($1::text[])",
            list(DATABASES),
        )
        transactions = await connection.fetchval(
            "SELECT coalesce(sum(xact_commit + xact_rollback), 0) FROM pg_stat_database"
            " WHERE datname = ANY($1::text[])",
            list(DATABASES),
        )
    finally:
        await connection.close()
    return PgCounters(float(statements), float(transactions))


def is_statement(span: SpanRecord) -> bool:
    """A span of database work: one use of a pooled connection (``shared/db/traced.py``)."""
    return span.kind == "client" and any(key.startswith("db.") for key in span.attributes)


def statements_of(span: SpanRecord) -> int:
    """The round trips a database span stands for: ``db.statements`` of one use of a pooled
    connection (or 1, a span per statement as asyncpg's instrumentation made them)."""
    if not is_statement(span):
        return 0
    count = span.attributes.get("db.statements", 1)
    return int(count) if isinstance(count, int | float) else 1


@dataclass(frozen=True)
class TraceCounts:
    spans: int
    statements: int
    by_service: dict[str, int]


def trace_counts(span_dir: Path, trace_id: str) -> TraceCounts:
    spans = read_trace(span_dir, trace_id)
    by_service: dict[str, int] = {}
    for span in spans:
        by_service[span.service] = by_service.get(span.service, 0) + 1
    return TraceCounts(len(spans), sum(statements_of(span) for span in spans), by_service)


def settled_trace_counts(
    span_dir: Path, trace_ids: Iterable[str], quiet_seconds: float = 1.5, limit_seconds: float = 30.0
) -> list[TraceCounts]:
    """The counts once the traces' files have stopped growing for `quiet_seconds` (services export in
    batches every half second; the notice e-mails come after the confirmation)."""
    paths = [trace_path(span_dir, trace_id) for trace_id in trace_ids]
    deadline = time.monotonic() + limit_seconds
    sizes = _sizes(paths)
    while time.monotonic() < deadline:
        time.sleep(quiet_seconds)
        again = _sizes(paths)
        if again == sizes:
            break
        sizes = again
    return [trace_counts(span_dir, path.stem) for path in paths]


def _sizes(paths: list[Path]) -> list[int]:
    return [path.stat().st_size if path.exists() else 0 for path in paths]
