"""Bookings through the venue's HTTP API as an organizer, timed from the POST to the outcome.

The outcome is timed by the `booking_confirmed` / `booking_rejected` event on the venue's stream (the
relay publishes it right after the commit, so timing costs the stack nothing); a booking counts as
confirmed only when `GET /bookings/{id}` then says so.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import nats
from nats.js.api import DeliverPolicy

from deploy.bench.calendar import idempotency_key

OUTCOMES = {"venue.evt.booking_confirmed": "confirmed", "venue.evt.booking_rejected": "rejected"}


@dataclass
class Booking:
    booking_id: str = ""
    trace_id: str = ""
    posted_at: float = 0.0
    answered_s: float | None = None  # POST's answer took this long
    http_status: int = 0
    outcome_at: float | None = None  # the outcome event arrived then
    status: str = ""  # what GET /bookings/{id} says at the end
    reason: str = ""  # and why, when rejected

    @property
    def confirmed_s(self) -> float | None:
        return None if self.outcome_at is None else self.outcome_at - self.posted_at


@dataclass
class Outcomes:
    """The outcome events as they arrive, and who waits for which booking."""

    arrived: dict[str, float] = field(default_factory=dict)
    waiting: dict[str, asyncio.Future[float]] = field(default_factory=dict)

    def record(self, booking_id: str, at: float) -> None:
        self.arrived.setdefault(booking_id, at)
        future = self.waiting.pop(booking_id, None)
        if future is not None and not future.done():
            future.set_result(self.arrived[booking_id])

    async def wait(self, booking_id: str, seconds: float) -> float | None:
        if booking_id in self.arrived:  # a fast saga may end before its POST is answered
            return self.arrived[booking_id]
        future = self.waiting.setdefault(booking_id, asyncio.get_running_loop().create_future())
        try:
            return await asyncio.wait_for(future, seconds)
        except TimeoutError:
            return None


class Driver:
    """One organizer's HTTP client and a listener on the venue's events, for one phase or several."""

    def __init__(self, venue_url: str, nats_url: str, api_key: str, connections: int = 64) -> None:
        self._venue_url, self._nats_url = venue_url, nats_url
        self._client = httpx.AsyncClient(
            base_url=venue_url,
            timeout=60,
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
            headers={"Authorization": f"Bearer {api_key}"},
        )
        self.outcomes = Outcomes()
        self._connection: Any = None

    async def __aenter__(self) -> Driver:
        self._connection = await nats.connect(self._nats_url)
        subscription = await self._connection.jetstream().subscribe(
            "venue.evt.>", ordered_consumer=True, deliver_policy=DeliverPolicy.NEW, cb=self._on_event
        )
        del subscription
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()
        await self._connection.close()

    async def _on_event(self, message: Any) -> None:
        if message.subject in OUTCOMES:
            self.outcomes.record(json.loads(message.data)["booking_id"], time.perf_counter())

    @property
    def client(self) -> httpx.AsyncClient:
        return self._client

    @property
    def nats(self) -> Any:
        """The bench's NATS connection (as the stack's admin)."""
        return self._connection

    async def book(self, request: dict[str, Any], wait_seconds: float = 120.0) -> Booking:
        """POST one booking and wait for its outcome event (not for GET: see `verify`)."""
        booking = Booking(posted_at=time.perf_counter())
        try:
            response = await self._client.post("/bookings", json=request, headers=idempotency_key())
        except httpx.HTTPError:
            return booking
        booking.answered_s = time.perf_counter() - booking.posted_at
        booking.http_status = response.status_code
        if response.status_code == 202:
            answer = response.json()
            booking.booking_id, booking.trace_id = answer["booking_id"], answer["trace_id"]
            booking.outcome_at = await self.outcomes.wait(booking.booking_id, wait_seconds)
        return booking

    async def verify(self, bookings: list[Booking], parallel: int = 16) -> None:
        """Ask GET /bookings/{id} for each booking's status: only 'confirmed' counts."""
        gate = asyncio.Semaphore(parallel)

        async def one(booking: Booking) -> None:
            if not booking.booking_id:
                return
            async with gate:
                response = await self._client.get(f"/bookings/{booking.booking_id}")
            answer = response.json() if response.status_code == 200 else {}
            booking.status, booking.reason = str(answer.get("status", "")), str(answer.get("reason") or "")

        await asyncio.gather(*(one(booking) for booking in bookings))


async def run_bookings(
    driver: Driver,
    requests: list[dict[str, Any]],
    concurrency: int,
    progress: Callable[[str], None],
    label: str,
) -> tuple[list[Booking], float]:
    """Keep `concurrency` bookings in flight (each client waits for its outcome before the next);
    return every booking and the seconds from the first POST to the last outcome. Statuses are
    not read here (`Driver.verify`), so that a measured window holds only the bookings' own work."""
    queue = list(reversed(requests))
    done: list[Booking] = []
    step = max(1, len(requests) // 10)
    started = time.perf_counter()

    async def client() -> None:
        while queue:
            booking = await driver.book(queue.pop())
            done.append(booking)
            if len(done) % step == 0 or len(done) == len(requests):
                confirmed = sum(1 for b in done if b.outcome_at is not None)
                progress(f"{label}: {len(done)}/{len(requests)} done, {confirmed} with an outcome")

    await asyncio.gather(*(client() for _ in range(max(1, concurrency))))
    ends = [b.outcome_at for b in done if b.outcome_at is not None]
    elapsed = (max(ends) if ends else time.perf_counter()) - started
    return done, elapsed


_STARTED = time.monotonic()


def progress_line(text: str) -> None:
    """One line on stderr per step, with the seconds since the bench started."""
    print(f"bench: [{time.monotonic() - _STARTED:6.1f} s] {text}", file=sys.stderr, flush=True)
