"""`make bench`: bookings end to end against the running stack, next to raw baselines measured in
the same run on the same machine (JetStream publish+ack, PostgreSQL commits), so results read as
ratios. Latency is POST -> the `booking_confirmed` event on the stream (no polling load)."""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field

import asyncpg
import httpx
import nats

from deploy.embedded.client import Endpoints, forum_request, organizer_key, venue_day

OUTCOMES = ("venue.evt.booking_confirmed", "venue.evt.booking_rejected")
SPACES = (
    "room-a",
    "room-c",
    "experience-center",
    "multifunctional-hall",
)  # 4 a day: 8 of 10 en-zh interpreters
LAYOUT = {"experience-center": "reception", "public-exhibition": "reception"}


@dataclass
class Run:
    posted: dict[str, float] = field(default_factory=dict)
    outcome_at: dict[str, float] = field(default_factory=dict)
    outcomes: dict[str, str] = field(default_factory=dict)
    post_seconds: list[float] = field(default_factory=list)
    refused: int = 0
    errors: int = 0
    expected: float = float("inf")  # known once every POST is answered


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


async def _listen(endpoints: Endpoints, run: Run, done: asyncio.Event) -> None:
    connection = await nats.connect(endpoints.nats)
    try:
        subscription = await connection.jetstream().subscribe(
            "venue.evt.>", ordered_consumer=True, deliver_policy=nats.js.api.DeliverPolicy.NEW
        )
        while not done.is_set():
            if sum(1 for booking_id in run.posted if booking_id in run.outcomes) >= run.expected:
                done.set()
            try:
                message = await subscription.next_msg(timeout=0.2)
            except TimeoutError:
                continue
            if message.subject not in OUTCOMES:  # received, changed, ...: not an outcome
                continue
            booking_id = json.loads(message.data)["booking_id"]
            # recorded even before its POST is answered: a fast saga may finish first
            run.outcome_at.setdefault(booking_id, time.perf_counter())
            run.outcomes.setdefault(booking_id, message.subject.rsplit("_", 1)[-1])
    finally:
        await connection.close()


async def bookings(
    endpoints: Endpoints, count: int, concurrency: int, api_key: str, wait_seconds: float = 120.0
) -> Run:
    run = Run()
    done = asyncio.Event()
    listener = asyncio.create_task(_listen(endpoints, run, done))
    await asyncio.sleep(0.5)
    # a fresh stretch of the calendar each run, inside the venue's 540-day booking horizon
    base = 30 + random.randint(0, max(0, 500 - count // len(SPACES)))
    slots = asyncio.Queue[int]()
    for index in range(count):
        slots.put_nowait(index)

    async def worker(client: httpx.AsyncClient) -> None:
        while not slots.empty():
            index = slots.get_nowait()
            space = SPACES[index % len(SPACES)]
            body = forum_request(
                venue_day(base + index // len(SPACES)), space, layout=LAYOUT.get(space, "theater")
            )
            body["catering"]["headcount"] = 40
            body["attendees"] = 50
            started = time.perf_counter()
            try:
                response = await client.post(
                    "/bookings", json=body, headers={"Idempotency-Key": str(uuid.uuid4())}
                )
            except httpx.HTTPError:
                run.errors += 1
                continue
            run.post_seconds.append(time.perf_counter() - started)
            if response.status_code == 202:
                run.posted[response.json()["booking_id"]] = started
            elif response.status_code == 409:
                run.refused += 1
            else:
                run.errors += 1

    started = time.perf_counter()
    async with httpx.AsyncClient(
        base_url=endpoints.venue,
        timeout=30,
        limits=httpx.Limits(max_connections=concurrency),
        headers={"Authorization": f"Bearer {api_key}"},
    ) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    run.expected = len(run.posted)
    try:
        await asyncio.wait_for(done.wait(), wait_seconds)
    except TimeoutError:
        pass
    done.set()
    await listener
    run.posted["__elapsed__"] = time.perf_counter() - started
    return run


async def jetstream_rate(endpoints: Endpoints, messages: int = 3000) -> tuple[float, float]:
    """Publish+ack per second to a scratch stream: one at a time, and 64 in flight."""
    connection = await nats.connect(endpoints.nats)
    js = connection.jetstream()
    name = f"BENCH_{uuid.uuid4().hex[:8]}"
    await js.add_stream(name=name, subjects=[f"bench.{name}"])
    payload = b"x" * 300
    try:
        started = time.perf_counter()
        for _ in range(messages // 3):
            await js.publish(f"bench.{name}", payload)
        sequential = (messages // 3) / (time.perf_counter() - started)
        started = time.perf_counter()
        for _ in range(0, messages, 64):
            await asyncio.gather(*(js.publish(f"bench.{name}", payload) for _ in range(64)))
        parallel = messages / (time.perf_counter() - started)
        return sequential, parallel
    finally:
        await js.delete_stream(name)
        await connection.close()


async def postgres_rate(endpoints: Endpoints, transactions: int = 2000) -> tuple[float, float]:
    """Commits per second of a one-row insert into an exclusion-constrained table: 1 connection, pool 16."""
    pool = await asyncpg.create_pool(endpoints.postgres, min_size=16, max_size=16)
    table = f"bench_{uuid.uuid4().hex[:8]}"
    await pool.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    await pool.execute(
        f"CREATE TABLE {table} (unit int, during tstzrange, EXCLUDE USING gist (unit WITH =, during WITH &&))"
    )
    insert = f"INSERT INTO {table} VALUES ($1, tstzrange(now() + make_interval(secs => $2), now() + make_interval(secs => $2 + 1)))"
    try:
        async with pool.acquire() as connection:
            started = time.perf_counter()
            for index in range(transactions // 4):
                async with connection.transaction():
                    await connection.execute(insert, 1, float(index * 10))
            single = (transactions // 4) / (time.perf_counter() - started)

        async def one(index: int) -> None:
            async with pool.acquire() as connection, connection.transaction():
                await connection.execute(insert, 2 + index % 16, float(index * 10))

        started = time.perf_counter()
        await asyncio.gather(*(one(index) for index in range(transactions)))
        pooled = transactions / (time.perf_counter() - started)
        return single, pooled
    finally:
        await pool.execute(f"DROP TABLE {table}")
        await pool.close()


def report(run: Run, js: tuple[float, float], pg: tuple[float, float]) -> str:
    elapsed = run.posted.pop("__elapsed__")
    latencies = [(run.outcome_at[b] - run.posted[b]) * 1000 for b in run.posted if b in run.outcome_at]
    outcomes = [run.outcomes[b] for b in run.posted if b in run.outcomes]
    confirmed = outcomes.count("confirmed")
    rate = len(latencies) / elapsed if elapsed else 0.0
    lines = [
        f"bookings: {len(run.posted)} accepted, {confirmed} confirmed, {len(outcomes) - confirmed} rejected, "
        f"{len(run.posted) - len(latencies)} without outcome, {run.refused} refused (409), {run.errors} errors",
        f"throughput: {rate:.1f} bookings/s end to end ({elapsed:.2f} s)",
        f"POST -> outcome ms: p50 {percentile(latencies, 0.5):.1f}  p95 {percentile(latencies, 0.95):.1f}  "
        f"p99 {percentile(latencies, 0.99):.1f}",
        f"POST answered ms: p50 {statistics.median(run.post_seconds) * 1000:.1f}" if run.post_seconds else "",
        f"baseline JetStream publish+ack/s: {js[0]:.0f} sequential, {js[1]:.0f} with 64 in flight",
        f"baseline PostgreSQL commits/s (EXCLUDE gist insert): {pg[0]:.0f} on 1 connection, {pg[1]:.0f} on a pool of 16",
        f"ratios: bookings/s = {rate / js[1] * 100:.2f}% of parallel JetStream acks, "
        f"{rate / pg[1] * 100:.2f}% of pooled commits",
    ]
    return "\n".join(line for line in lines if line)


async def run_bench(count: int, concurrency: int) -> int:
    endpoints = Endpoints.from_env()
    try:
        async with httpx.AsyncClient(timeout=5) as client:
            (await client.get(f"{endpoints.venue}/health/ready")).raise_for_status()
    except httpx.HTTPError:
        print(f"the venue service does not answer at {endpoints.venue}: start the stack with `make run`")
        return 2
    js = await jetstream_rate(endpoints)
    pg = await postgres_rate(endpoints)
    run = await bookings(
        endpoints, count, concurrency, await asyncio.to_thread(organizer_key, endpoints, "bench")
    )
    print(report(run, js, pg))
    return 0


def main_bench() -> int:
    count = int(os.environ.get("BENCH_BOOKINGS", "300"))
    concurrency = int(os.environ.get("BENCH_CONCURRENCY", "32"))
    return asyncio.run(run_bench(count, concurrency))
