"""Scale-out (issue 7): two instances of every service against a 3-node JetStream cluster share the work;
one instance of each is SIGKILLed half way through a few hundred bookings. Every booking ends confirmed,
no message is handled twice (one effect per booking), the outbox relays publish each command once, and
both instances really took part.
"""

from __future__ import annotations

import collections

import httpx
import pytest

from deploy.embedded.stack import SERVICES, Stack
from tests.faults.conftest import size
from tests.faults.crash import count, stream_messages
from tests.faults.load import (
    assert_no_duplicate_effects,
    bodies,
    book_all,
    record,
    seconds_since_fault,
    wait_terminal,
)

pytestmark = pytest.mark.e2e

NATS_NODES = 3


def _mentions(stack: Stack, name: str, booking_ids: set[str]) -> int:
    """How many lines of one instance's log name one of ``booking_ids`` (each instance logs to its own file)."""
    lines = stack.service(name).log_path.read_text(errors="replace").splitlines()
    return sum(any(booking_id in line for booking_id in booking_ids) for line in lines)


def _commands_per_booking(
    stack: Stack, stream: str, booking_ids: set[str]
) -> collections.Counter[tuple[str, str]]:
    """How often the stream holds each (booking, command subject): a double publish would show as 2."""
    return collections.Counter(
        (message.body.get("booking_id"), message.subject)
        for message in stream_messages(stack, stream)
        if message.body.get("booking_id") in booking_ids and ".cmd." in message.subject
    )


def test_two_instances_of_every_service_one_of_each_killed_half_way(stack: Stack, organizer):
    seconds = {name: stack.add_instance(name) for name in SERVICES}
    sagas = bodies(size(400, 120), "two instances")

    def kill_one_of_each() -> None:
        for name in SERVICES:
            stack.service(name).kill()

    accepted = book_all(organizer, sagas, kill_one_of_each, at=0.5, also=[seconds["venue"].base_url])
    assert len(accepted) == len(sagas)
    with httpx.Client(base_url=seconds["venue"].base_url, headers=organizer.headers, timeout=30) as survivor:
        states = wait_terminal(survivor, accepted)
    record("two-instances-one-killed", sagas=len(accepted), all_terminal_after_fault_s=seconds_since_fault())
    assert set(states.values()) == {"confirmed"}, collections.Counter(states.values())
    assert_no_duplicate_effects(stack, states)

    # both instances of every participant did part of the work
    mine = set(accepted)
    for name in ("interpreting", "catering", "notify"):
        assert _mentions(stack, f"{name}#2", mine) > 0, name
    # the relays of two venue instances published each command of a booking once (SKIP LOCKED claims)
    for stream in ("INTERPRETING", "CATERING"):
        commands = _commands_per_booking(stack, stream, mine)
        assert {booking_id for booking_id, _ in commands} == mine, stream
        assert set(commands.values()) == {1}, [key for key, n in commands.items() if n > 1][:5]
    # every step of every saga ended once: no timer drove a saga twice, none is left waiting
    ids = ",".join(f"'{booking_id}'" for booking_id in accepted)
    assert (
        count(
            stack,
            "venue",
            f"SELECT count(*) FROM saga_steps WHERE booking_id IN ({ids})"
            " AND state NOT IN ('confirmed', 'held')",
        )
        == 0
    )
