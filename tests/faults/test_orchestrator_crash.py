"""Scenario 4: the orchestrator (venue) is SIGKILLed between its database commit and the publish.

The booking and its reserve commands are committed in one transaction (the outbox); the relay dies before
publishing them (or after publishing, before deleting the rows). After a restart the outbox publishes,
the saga finishes, and a republished message is dropped by JetStream's duplicate window: one reservation
per participant, one message per command in the stream.
"""

from __future__ import annotations

import uuid

import httpx
import pytest

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, next_day, wait_for_outcome
from tests.faults.crash import armed, count, restart, stream_subjects, wait_for_death

pytestmark = pytest.mark.e2e


def _body() -> dict:
    body = booking_body(next_day(), space_id="room-a", layout="theater", attendees=90)
    body["interpreting"] = {"floor_language": "en", "target_languages": ["zh"]}
    body["title"] = f"Crash forum {uuid.uuid4().hex[:12]}"
    return body


def _book(organizer: httpx.Client, body: dict) -> str | None:
    """The booking's id, or None when the venue died before answering: the relay publishes right after
    the commit, so the kill can come before the 202 is written (the booking is committed either way)."""
    try:
        return organizer.post("/bookings", json=body).raise_for_status().json()["booking_id"]
    except httpx.TransportError:
        return None


def _found(organizer: httpx.Client, title: str) -> str:
    """The one booking with this title (a client that lost its answer looks it up the same way)."""
    found = organizer.get("/bookings", params={"q": title}).raise_for_status().json()
    assert len(found) == 1, found  # committed once, never twice
    return found[0]["booking_id"]


@pytest.mark.parametrize("failpoint", ["relay.before_publish", "relay.after_publish"])
def test_a_venue_killed_around_its_publish_finishes_the_saga_once_after_restart(
    stack: Stack, organizer, failpoint: str
):
    with armed(stack, "venue", f"{failpoint}@interpreting.cmd.reserve=kill"):
        body = _body()
        answered = _book(organizer, body)
        assert wait_for_death(stack, "venue") == -9
        restart(stack, "venue")
        booking_id = _found(organizer, body["title"])
        assert answered in (None, booking_id)
        assert wait_for_outcome(organizer, booking_id, timeout=90)["status"] == "confirmed"
    where = f"booking_id = '{booking_id}'"
    assert count(stack, "interpreting", f"SELECT count(*) FROM reservations WHERE {where}") == 1
    assert count(stack, "interpreting", f"SELECT count(*) FROM vendor_tasks WHERE {where}") >= 1
    commands = stream_subjects(stack, "INTERPRETING", booking_id)
    assert commands["interpreting.cmd.reserve"] == 1, commands  # the republish was deduplicated
    assert commands["interpreting.cmd.confirm"] == 1, commands
    outcomes = stream_subjects(stack, "VENUE", booking_id)
    assert outcomes["venue.evt.booking_confirmed"] == 1, outcomes
