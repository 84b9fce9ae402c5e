"""The whole platform as processes (PostgreSQL, NATS, SMTP sink, four services), driven over HTTP."""

from __future__ import annotations

import itertools
import shutil
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from deploy.embedded.stack import Stack, StackConfig
from tests.support import stack_folder, stop_discarded

SHANGHAI = ZoneInfo("Asia/Shanghai")
_days = itertools.count(20)


@pytest.fixture(scope="package")
def stack() -> Iterator[Stack]:
    """The stack every end-to-end test shares; stopped after this package, not held idle through the rest."""
    folder = stack_folder("e2e")
    stack = Stack(StackConfig.ephemeral(folder))
    try:
        stack.start_infrastructure()
        stack.start_services()
        yield stack
    finally:
        stop_discarded(stack)
        shutil.rmtree(folder, ignore_errors=True)


def client_for(stack: Stack, api_key: str | None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    return httpx.Client(base_url=stack.service("venue").base_url, timeout=30, headers=headers)


@pytest.fixture(scope="package")
def staff(stack: Stack) -> Iterator[httpx.Client]:
    with client_for(stack, stack.credentials["staff"]) as client:
        yield client


@pytest.fixture(scope="package")
def ops(stack: Stack) -> Iterator[httpx.Client]:
    with client_for(stack, stack.credentials["ops"]) as client:
        yield client


def new_organizer(
    stack: Stack, staff: httpx.Client, name: str = "Ann Example", **fields: str
) -> httpx.Client:
    """A fresh organizer account (its own e-mail address) and a client that speaks as it."""
    body = {
        "name": name,
        "email": f"{name.split()[0].lower()}-{uuid.uuid4().hex[:8]}@example.org",
        "locale": "en",
        "time_zone": "Europe/Berlin",
        **fields,
    }
    created = staff.post("/organizers", json=body).raise_for_status().json()
    client = client_for(stack, created["api_key"])
    client.account = created["account"]  # type: ignore[attr-defined]
    return client


@pytest.fixture(scope="package")
def venue(stack: Stack, staff: httpx.Client) -> Iterator[httpx.Client]:
    """The default organizer's client."""
    with new_organizer(stack, staff) as client:
        yield client


def next_day(days_ahead: int | None = None) -> datetime:
    """A distinct future day per call (at midnight, venue time), so tests never share a slot."""
    days = days_ahead if days_ahead is not None else next(_days)
    today = datetime.now(UTC).astimezone(SHANGHAI).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=days)


def booking_body(day: datetime, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "space_id": "multifunctional-hall",
        "layout": "theater",
        "starts_at": day.replace(hour=14).isoformat(),
        "ends_at": day.replace(hour=18).isoformat(),
        "attendees": 300,
        "title": "Belt and Road Tourism Forum",
    }
    body.update(changes)
    return body


def wait_for_outcome(venue: httpx.Client, booking_id: str, timeout: float = 45.0) -> dict[str, Any]:
    """Poll the booking until the saga ends (confirmed or rejected)."""
    deadline = time.monotonic() + timeout
    while True:
        booking = venue.get(f"/bookings/{booking_id}").raise_for_status().json()
        if booking["status"] != "pending":
            return booking
        if time.monotonic() > deadline:
            raise AssertionError(f"saga still pending after {timeout} s: {booking}")
        time.sleep(0.1)


def wait_until(condition: Any, timeout: float = 30.0, interval: float = 0.2) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(interval)
