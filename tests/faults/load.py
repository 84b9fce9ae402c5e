"""Load for the fault scenarios: many sagas with both participants, booked concurrently while a fault
fires, then waited on until terminal, and the participants' databases checked for doubled effects."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, next_day
from tests.faults.crash import count, wait_quiescent

TERMINAL = {"confirmed", "rejected"}

FAULT_ENDED: dict[str, float] = {}  # monotonic time the last fault of this process ended


def record(scenario: str, **figures: Any) -> None:
    """Append a scenario's figures to the JSON-lines file $WICT_FAULT_FIGURES, if set (for
    docs/reliability.md; `WICT_FAULT_FIGURES=figures.jsonl make soak`)."""
    if target := os.environ.get("WICT_FAULT_FIGURES"):
        with Path(target).open("a") as out:
            out.write(
                json.dumps({"scenario": scenario, "soak": bool(os.environ.get("WICT_SOAK")), **figures})
                + "\n"
            )


def seconds_since_fault() -> float:
    """How long since the last fault ended: the time the system took to finish every saga after it."""
    return round(time.monotonic() - FAULT_ENDED["at"], 2)


def bodies(n: int, tag: str) -> list[dict[str, Any]]:
    """Sagas with both participants, each in its own slot (rooms and days spread out)."""
    rooms = ["room-a", "room-b", "room-c", "multifunctional-hall"]
    days = [next_day() for _ in range((n + len(rooms) * 2 - 1) // (len(rooms) * 2))]
    bodies = []
    for i in range(n):
        day, room, afternoon = days[i // (len(rooms) * 2)], rooms[i % len(rooms)], (i // len(rooms)) % 2
        body = booking_body(day, space_id=room, layout="theater", attendees=60, title=f"{tag} load {i}")
        body["starts_at"] = day.replace(hour=9 + 5 * afternoon).isoformat()
        body["ends_at"] = day.replace(hour=12 + 5 * afternoon).isoformat()
        body["interpreting"] = {"floor_language": "en", "target_languages": ["zh"]}
        body["catering"] = {"menu": "tea-break", "headcount": 40}
        bodies.append(body)
    return bodies


def book_all(
    client: httpx.Client,
    bodies: list[dict[str, Any]],
    fault: Callable[[], None],
    at: float,
    also: Sequence[str] = (),
) -> list[str]:
    """POST every body from 16 concurrent clients; run ``fault`` once ``at`` (a share) of them are in.

    ``also``: more venue instances (base URLs); requests are spread over all of them, and a request an
    instance cannot take (it was killed) goes to the next one.

    The load runs on a worker thread and the fault on this (the main) thread: a server restarted by the
    fault is a child of the thread that starts it and dies with that thread (PR_SET_PDEATHSIG).
    """
    accepted: list[str] = []
    reached, failures = threading.Event(), []

    async def run() -> None:
        gate = asyncio.Semaphore(16)
        async with contextlib.AsyncExitStack() as opened:
            https = [
                await opened.enter_async_context(
                    httpx.AsyncClient(base_url=url, headers=client.headers, timeout=60)
                )
                for url in (str(client.base_url), *also)
            ]

            async def one(index: int, body: dict[str, Any]) -> None:
                async with gate:
                    for attempt in range(120):  # the API may be briefly unable to commit while PG restarts
                        http = https[(index + attempt) % len(https)]
                        try:
                            response = await http.post(
                                "/bookings", json=body, headers={"Idempotency-Key": body["title"]}
                            )
                        except httpx.TransportError:
                            await asyncio.sleep(0.5 / len(https))
                            continue
                        if response.status_code in (200, 201, 202):
                            accepted.append(response.json()["booking_id"])
                            break
                        assert response.status_code == 503, response.text
                        await asyncio.sleep(0.5)
                    else:
                        raise AssertionError(f"{body['title']} was never accepted")
                if len(accepted) >= at * len(bodies):
                    reached.set()

            await asyncio.gather(*(one(index, body) for index, body in enumerate(bodies)))

    def load() -> None:
        try:
            asyncio.run(run())
        except BaseException as error:  # reported on the main thread below
            failures.append(error)
        finally:
            reached.set()

    worker = threading.Thread(target=load, name="bookings")
    worker.start()
    reached.wait(timeout=600)
    fault()
    FAULT_ENDED["at"] = time.monotonic()
    worker.join(timeout=900)
    if failures:
        raise failures[0]
    return accepted


def wait_terminal(client: httpx.Client, booking_ids: list[str], timeout: float = 240.0) -> dict[str, str]:
    """Poll every booking until it is confirmed or rejected: its status, or the rejection's reason.

    Polling hundreds of bookings runs into the API's rate limit: a 429 is waited out (Retry-After), and
    any other answer than 200 fails at once, so a saga can never look pending because of how we ask."""
    deadline, states = time.monotonic() + timeout, {}
    pending = set(booking_ids)
    while pending and time.monotonic() < deadline:
        for booking_id in list(pending):
            response = client.get(f"/bookings/{booking_id}")
            if response.status_code in (429, 503):  # rate-limited, or the database is briefly away
                time.sleep(float(response.headers.get("retry-after", "1")))
                continue
            assert response.status_code == 200, response.text
            booking = response.json()
            if booking["status"] in TERMINAL:
                states[booking_id] = (
                    booking["status"] if booking["status"] == "confirmed" else booking.get("reason", "")
                )
                pending.discard(booking_id)
        time.sleep(0.5)
    assert not pending, f"{len(pending)} sagas never finished, e.g. {sorted(pending)[:3]}"
    return states


def assert_no_duplicate_effects(stack: Stack, states: dict[str, str]) -> None:
    """Once nothing moves any more (a confirmed booking's confirm commands may still be on their way),
    each confirmed booking holds exactly one confirmed reservation and order, and no hold twice."""
    wait_quiescent(stack)
    confirmed = [booking_id for booking_id, state in states.items() if state == "confirmed"]
    ids = ",".join(f"'{booking_id}'" for booking_id in confirmed) or "NULL"
    assert count(
        stack,
        "interpreting",
        f"SELECT count(*) FROM reservations WHERE booking_id IN ({ids}) AND status = 'confirmed'",
    ) == len(confirmed)
    assert count(
        stack,
        "catering",
        f"SELECT count(*) FROM catering_orders WHERE booking_id IN ({ids}) AND status = 'confirmed'",
    ) == len(confirmed)
    assert (
        count(
            stack,
            "venue",
            "SELECT count(*) FROM (SELECT booking_id FROM space_holds GROUP BY booking_id,"
            " unit, revision HAVING count(*) > 1) d",
        )
        == 0
    )
