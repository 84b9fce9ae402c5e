"""Scenarios 1 and 2: many clients at once on one slot, and one Idempotency-Key sent many times at once."""

from __future__ import annotations

import asyncio
import collections
import uuid
from typing import Any

import httpx
import pytest

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, next_day, wait_for_outcome
from tests.faults.conftest import size

pytestmark = pytest.mark.e2e


def _storm(
    client: httpx.Client, requests: list[tuple[dict[str, Any], dict[str, str]]]
) -> list[httpx.Response]:
    async def run() -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=len(requests))
        async with httpx.AsyncClient(
            base_url=str(client.base_url), headers=client.headers, timeout=120, limits=limits
        ) as many:
            return list(
                await asyncio.gather(
                    *(many.post("/bookings", json=body, headers=headers) for body, headers in requests)
                )
            )

    return asyncio.run(run())


def _bookings_of(stack: Stack, starts_at: str) -> list[str]:
    """Venue rows whose plan starts at ``starts_at``: what the database holds, not what the API said."""
    moment = starts_at.replace("'", "")
    found = stack.postgres.psql(f"SELECT id FROM bookings WHERE starts_at = '{moment}'::timestamptz", "venue")
    return found.split()


def test_two_hundred_clients_on_one_slot_one_booking_the_rest_409(stack: Stack, organizer):
    clients = size(200, 200)
    body = booking_body(next_day(), space_id="room-b", layout="boardroom", attendees=20)
    bodies = [({**body, "title": f"Race {i}"}, {}) for i in range(clients)]
    statuses = collections.Counter(response.status_code for response in _storm(organizer, bodies))
    assert statuses == {201: 1, 409: clients - 1}, statuses  # no 5xx, no other answer
    assert len(_bookings_of(stack, body["starts_at"])) == 1


def test_clients_racing_for_combined_rooms_never_share_a_room(stack: Stack, organizer):
    day = next_day()
    spaces = ["room-a", "room-b", "room-c", "room-ab", "room-bc", "room-abc"]
    clients = size(200, 120)
    bodies = [
        (
            booking_body(
                day, space_id=spaces[i % len(spaces)], layout="boardroom", attendees=20, title=f"R{i}"
            ),
            {},
        )
        for i in range(clients)
    ]
    responses = _storm(organizer, bodies)
    statuses = collections.Counter(response.status_code for response in responses)
    assert set(statuses) <= {201, 409}, statuses
    winners = [bodies[i][0]["space_id"] for i, r in enumerate(responses) if r.status_code == 201]
    rooms = [
        room
        for space in winners
        for room in {
            "room-a": "a",
            "room-b": "b",
            "room-c": "c",
            "room-ab": "ab",
            "room-bc": "bc",
            "room-abc": "abc",
        }[space]
    ]
    assert len(rooms) == len(set(rooms)), winners  # each partitioned room at most once
    assert len(_bookings_of(stack, bodies[0][0]["starts_at"])) == len(winners)


def test_one_idempotency_key_sent_fifty_times_at_once_is_one_booking_and_one_answer(stack: Stack, organizer):
    copies = size(50, 50)
    body = booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=12)
    key = str(uuid.uuid4())
    responses = _storm(organizer, [(body, {"Idempotency-Key": key})] * copies)
    assert {response.status_code for response in responses} == {201}
    assert len({response.content for response in responses}) == 1  # byte for byte the same answer
    assert len({response.headers["location"] for response in responses}) == 1
    assert len(_bookings_of(stack, body["starts_at"])) == 1
    booking_id = responses[0].json()["booking_id"]
    assert wait_for_outcome(organizer, booking_id)["status"] == "confirmed"
