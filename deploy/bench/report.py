"""The bench's results for people (a summary with the goals of issue 14) and for tools (JSON)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from deploy.bench.figures import Figures

# (measure, where in the figures, at most / at least, goal)
GOALS: tuple[tuple[str, tuple[str, ...], str, float], ...] = (
    ("confirmed bookings/s (throughput)", ("throughput", "bookings_per_s"), ">=", 200),
    ("POST -> confirmed p50 ms (sequential)", ("sequential", "post_to_confirmed_ms", "p50"), "<=", 12),
    ("POST -> confirmed p99 ms (sequential)", ("sequential", "post_to_confirmed_ms", "p99"), "<=", 25),
    ("POST answered p50 ms (sequential)", ("sequential", "post_answered_ms", "p50"), "<=", 4),
    ("CPU ms per booking, all processes", ("throughput", "cpu_ms_per_booking", "stack total"), "<=", 10),
    ("GET /availability p50 ms", ("availability", "latency_ms", "p50"), "<=", 5),
    ("GET /availability req/s", ("availability", "requests_per_s"), ">=", 2000),
    ("growth: worst figure / empty database's", ("growth", "worst_to_empty"), "<=", 1.2),
    ("idle stack, resident MiB (PSS)", ("memory", "idle_after_load", "total", "pss"), "<=", 1024),
)


def dig(figures: Any, path: tuple[str, ...]) -> float | None:
    for key in path:
        if not isinstance(figures, dict) or key not in figures:
            return None
        figures = figures[key]
    return float(figures) if isinstance(figures, int | float) and not isinstance(figures, bool) else None


def goals(figures: Figures) -> list[dict[str, Any]]:
    rows = []
    for measure, path, direction, goal in GOALS:
        value = dig(figures, path)
        met = (
            None
            if value is None or math.isnan(value)
            else (value >= goal if direction == ">=" else value <= goal)
        )
        rows.append({"measure": measure, "goal": f"{direction} {goal:g}", "value": value, "met": met})
    return rows


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None or math.isnan(value) else f"{value:.{digits}f}"


def _booking_lines(label: str, phase: Figures) -> list[str]:
    per = phase.get("per_booking", {})
    cpu = phase.get("cpu_ms_per_booking", {})
    ratios = phase.get("ratios", {})
    processes = ", ".join(f"{name} {_fmt(ms)}" for name, ms in cpu.items() if name != "stack total")
    return [
        f"{label}: {phase['confirmed']}/{phase['bookings']} confirmed ({phase['rejected']} rejected, "
        f"{phase['without_outcome']} without outcome, {phase['refused']} refused, {phase['errors']} errors), "
        f"{phase['concurrency']} in flight, {_fmt(phase['bookings_per_s'])} bookings/s "
        f"({_fmt(phase.get('sustained_bookings_per_s'))}/s until the last notice was e-mailed, "
        f"{_fmt(phase.get('notices_drained_s'))} s after the last confirmation)",
        f"  POST -> confirmed ms: p50 {_fmt(phase['post_to_confirmed_ms']['p50'])}  "
        f"p95 {_fmt(phase['post_to_confirmed_ms']['p95'])}  p99 {_fmt(phase['post_to_confirmed_ms']['p99'])};"
        f"  POST answered ms: p50 {_fmt(phase['post_answered_ms']['p50'])}  "
        f"p99 {_fmt(phase['post_answered_ms']['p99'])}",
        f"  CPU ms per booking: total {_fmt(cpu.get('stack total'))} ({processes}); "
        f"machine busy {_fmt(100 * phase.get('cpu_busy_share', math.nan), 0)} %",
        f"  per booking: {_fmt(per.get('sql_statements'))} SQL statements "
        f"({_fmt(per.get('sql_statements_with_background'))} with background polling), "
        f"{_fmt(per.get('transactions'))} transactions, {_fmt(per.get('round_trips'), 0)} round trips "
        f"and {_fmt(per.get('spans'), 0)} spans in its trace",
        f"  ratios: bookings/s = {_fmt(100 * ratios.get('bookings_per_s_to_jetstream_acks_per_s', math.nan), 2)} % "
        f"of JetStream acks/s, {_fmt(100 * ratios.get('bookings_per_s_to_postgres_commits_per_s', math.nan), 2)} % "
        f"of PostgreSQL commits/s; p50 = {_fmt(ratios.get('p50_confirmed_in_jetstream_acks'))} sequential "
        f"JetStream acks, {_fmt(ratios.get('p50_confirmed_in_postgres_commits'))} commits",
    ]


def summary(figures: Figures) -> str:
    lines: list[str] = []
    baselines = figures.get("baselines", {})
    if baselines:
        js, pg = baselines["jetstream"], baselines["postgres"]
        lines.append(
            f"baselines: JetStream publish+ack/s {_fmt(js['sequential_per_s'], 0)} one at a time, "
            f"{_fmt(js['in_flight_64_per_s'], 0)} with 64 in flight; PostgreSQL commits/s "
            f"{_fmt(pg['single_connection_per_s'], 0)} on 1 connection, {_fmt(pg['pool_16_per_s'], 0)} on 16"
        )
    for key in ("sequential", "throughput"):
        if key in figures:
            lines += _booking_lines(key, figures[key])
    lines += _availability_lines("availability", figures.get("availability"))
    growth = figures.get("growth")
    if growth:
        lines.append(
            f"growth: {growth['seeded_bookings']} bookings seeded in {_fmt(growth['seed_seconds'])} s"
        )
        for key in ("sequential", "throughput"):
            if key in growth:
                lines += ["  " + line for line in _booking_lines(key, growth[key])]
        lines += ["  " + line for line in _availability_lines("availability", growth.get("availability"))]
        ratios = ", ".join(f"{name} {_fmt(value, 2)}" for name, value in growth.get("to_empty", {}).items())
        lines.append(f"  grown / empty: {ratios}")
    memory = figures.get("memory", {})
    for moment in ("idle_start", "idle_after_load"):
        if moment in memory:
            total = memory[moment]["total"]
            lines.append(
                f"memory {moment}: {_fmt(total['pss'], 0)} MiB PSS ({_fmt(total['rss'], 0)} MiB RSS)"
            )
    lines.append("goals (issue 14):")
    for row in goals(figures):
        mark = {True: "met", False: "NOT met", None: "not measured"}[row["met"]]
        lines.append(f"  {row['measure']:<42} {row['goal']:>8}  {_fmt(row['value']):>9}  {mark}")
    return "\n".join(lines)


def _availability_lines(label: str, phase: Figures | None) -> list[str]:
    if not phase:
        return []
    return [
        f"{label}: {phase['calendar_bookings']} bookings in the month, {phase['spaces']} spaces, "
        f"p50 {_fmt(phase['latency_ms']['p50'])} ms, p99 {_fmt(phase['latency_ms']['p99'])} ms, "
        f"{_fmt(phase['requests_per_s'], 0)} req/s with {phase['concurrency']} clients, "
        f"{_fmt(phase['cpu_ms_per_request'].get('stack total'))} CPU ms per request"
    ]


def _clean(value: Any) -> Any:
    """NaN is not JSON: an unmeasured figure is written as null."""
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def write_json(path: Path, document: Figures) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_clean(document), indent=2, allow_nan=False) + "\n")
