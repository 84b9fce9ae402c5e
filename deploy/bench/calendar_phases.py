"""The phases that need a filled calendar: availability of the whole venue for one month, and growth
(the booking measures again with 200,000 past and future bookings in the venue's database)."""

from __future__ import annotations

import asyncio
import math
import time
from typing import Any

import httpx

from deploy.bench.calendar import (
    CALENDAR_DAYS,
    FUTURE_DAYS,
    template_requests,
)
from deploy.bench.driver import run_bookings
from deploy.bench.figures import Figures, latency_ms, per_item, ratio
from deploy.bench.phases import Context, Window, booking_phase, stack_cpu
from deploy.bench.seed import copy_bookings, growth_days
from deploy.embedded.client import venue_day


async def ensure_templates(context: Context) -> list[str]:
    """Book the templates that seeding copies (once per stack)."""
    if not context.templates:
        requests = template_requests()
        bookings, _ = await run_bookings(
            context.driver, requests, len(requests), context.progress, "templates"
        )
        await context.driver.verify(bookings)
        context.templates = [b.booking_id for b in bookings if b.status == "confirmed"]
        if len(context.templates) < len(requests):
            context.progress(f"templates: only {len(context.templates)} of {len(requests)} confirmed")
    return context.templates


async def seed_calendar(context: Context) -> None:
    """`sizes.calendar` bookings into the availability month (once per stack)."""
    if context.calendar_seeded:
        return
    templates = await ensure_templates(context)
    days = list(CALENDAR_DAYS)
    count = min(context.sizes.calendar, len(templates) * len(days))
    seeded = await copy_bookings(context.bench.dsn("venue"), templates, days, count, context.progress)
    context.progress(f"availability: {seeded} bookings in the month's calendar")
    context.calendar_seeded = True


def availability_params() -> dict[str, Any]:
    """The whole venue (every space seating 40 in theater style), the calendar month, two hours."""
    return {
        "from": venue_day(CALENDAR_DAYS.start).date().isoformat(),
        "to": venue_day(CALENDAR_DAYS.stop - 1).date().isoformat(),
        "attendees": 40,
        "layout": "theater",
        "duration": "PT2H",
    }


async def availability_phase(context: Context) -> Figures:
    """GET /availability: one request at a time (latency), then several clients at once (req/s)."""
    await seed_calendar(context)
    client, params = context.driver.client, availability_params()
    requests = max(1, context.sizes.availability_requests)
    first = (await client.get("/availability", params=params)).raise_for_status().json()
    windows = sum(len(space["windows"]) for space in first["spaces"])
    context.progress(f"availability: {requests} requests one at a time, then {requests} at once")
    latencies: list[float] = []
    for _ in range(requests):
        started = time.perf_counter()
        (await client.get("/availability", params=params)).raise_for_status()
        latencies.append(time.perf_counter() - started)
    window = await Window.open(context)
    rate, failures = await _availability_rate(
        client, params, requests, context.sizes.availability_concurrency
    )
    cpu, _, _ = await window.close(context)
    figures: Figures = {
        "calendar_bookings": min(context.sizes.calendar, len(context.templates) * len(CALENDAR_DAYS)),
        "spaces": len(first["spaces"]),
        "free_windows": windows,
        "requests": requests,
        "latency_ms": latency_ms(latencies),
        "concurrency": context.sizes.availability_concurrency,
        "requests_per_s": rate,
        "failures": failures,
        "cpu_ms_per_request": per_item(stack_cpu(cpu), requests, 1000),
    }
    figures["ratios"] = {
        "requests_per_s_to_postgres_commits_per_s": ratio(
            rate, context.baselines.get("postgres", {}).get("pool_16_per_s", math.nan)
        )
    }
    context.progress(f"availability: p50 {figures['latency_ms']['p50']:.1f} ms, {rate:.0f} req/s")
    return figures


async def _availability_rate(
    client: httpx.AsyncClient, params: dict[str, Any], requests: int, concurrency: int
) -> tuple[float, int]:
    remaining, failures = [requests], [0]

    async def one_client() -> None:
        while remaining[0] > 0:
            remaining[0] -= 1
            response = await client.get("/availability", params=params)
            failures[0] += response.status_code != 200

    started = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(max(1, concurrency))))
    return requests / (time.perf_counter() - started), failures[0]


async def growth_phase(context: Context, empty: Figures, phases: set[str]) -> Figures:
    """Seed `sizes.growth` bookings, then the booking and availability measures again."""
    templates = await ensure_templates(context)
    days = growth_days(FUTURE_DAYS, len(templates), context.sizes.growth)
    context.progress(f"growth: seeding {context.sizes.growth} bookings ({len(days)} days of the calendar)")
    started = time.perf_counter()
    seeded = await copy_bookings(
        context.bench.dsn("venue"), templates, days, context.sizes.growth, context.progress
    )
    figures: Figures = {"seeded_bookings": seeded, "seed_seconds": time.perf_counter() - started}
    sizes = context.sizes
    if "sequential" in phases:
        figures["sequential"] = await booking_phase(context, "growth sequential", sizes.sequential, 1)
    if "throughput" in phases:
        figures["throughput"] = await booking_phase(
            context, "growth throughput", sizes.throughput, sizes.concurrency
        )
    if "availability" in phases:
        figures["availability"] = await availability_phase(context)
    figures["to_empty"] = growth_ratios(figures, empty)
    figures["worst_to_empty"] = worst_growth(figures["to_empty"])
    return figures


_COMPARED = {
    "sequential_p50_confirmed": ("sequential", "post_to_confirmed_ms", "p50"),
    "sequential_p99_confirmed": ("sequential", "post_to_confirmed_ms", "p99"),
    "sequential_p50_answered": ("sequential", "post_answered_ms", "p50"),
    "throughput_bookings_per_s": ("throughput", "bookings_per_s"),
    "throughput_p50_confirmed": ("throughput", "post_to_confirmed_ms", "p50"),
    "throughput_cpu_ms_per_booking": ("throughput", "cpu_ms_per_booking", "stack total"),
    "throughput_sql_statements_per_booking": ("throughput", "per_booking", "sql_statements"),
    "availability_p50": ("availability", "latency_ms", "p50"),
    "availability_requests_per_s": ("availability", "requests_per_s"),
}


def growth_ratios(grown: Figures, empty: Figures) -> Figures:
    """Each grown figure divided by the empty database's (1.0: no change; the goal: within 20 %)."""
    ratios: Figures = {}
    for name, path in _COMPARED.items():
        value, base = _dig(grown, path), _dig(empty, path)
        if value is not None and base is not None:
            ratios[name] = ratio(value, base)
    return ratios


def _dig(figures: Figures, path: tuple[str, ...]) -> float | None:
    found: Any = figures
    for key in path:
        if not isinstance(found, dict) or key not in found:
            return None
        found = found[key]
    return float(found) if isinstance(found, int | float) else None


def worst_growth(to_empty: Figures) -> float:
    """How far the grown database is from the empty one at worst: latencies and costs count as their
    ratio, rates (`*_per_s`) as the inverse of theirs, so 1.2 reads '20 % worse' either way."""
    worse = [
        1 / value if name.endswith("_per_s") else value
        for name, value in to_empty.items()
        if isinstance(value, int | float) and value > 0 and not math.isnan(value)
    ]
    return max(worse) if worse else math.nan
