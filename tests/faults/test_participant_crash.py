"""Scenario 3: a participant is SIGKILLed after handling a message (its transaction committed), before its ack.

Each of interpreting, catering and notify in turn dies on the first message it handles about a booking
that needs interpretation and catering: the message is handled (its transaction committed) and unacked.
More such bookings are made while it is down and wait in the stream. After a restart JetStream redelivers
the unacked message (the inbox says it was handled: nothing happens twice) and the sagas finish: every
booking confirmed, and in every database exactly one reservation, one order, one task per vendor (told
once), and no notification twice: every organizer told of the confirmation, every vendor of its task.
(An organizer may miss the "received" notice when notify handles a backlog: it drops news older than
what it already told, by design.)
"""

from __future__ import annotations

import collections

import pytest

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, next_day, wait_for_outcome
from tests.faults.conftest import size
from tests.faults.crash import (
    armed,
    consumer_states,
    count,
    deliveries,
    restart,
    set_ack_wait,
    stream_messages,
    wait_for_death,
    wait_quiescent,
)

pytestmark = pytest.mark.e2e

# the service, the subjects it dies on, and the durable consumer (and its stream) delivering them
CASES = {
    "interpreting": ("interpreting.cmd.", "interpreting-commands", "INTERPRETING"),
    "catering": ("catering.cmd.", "catering-commands", "CATERING"),
    "notify": ("venue.evt.", "notify-booking-events", "VENUE"),
}
ACK_WAIT_SECONDS = 2.0


@pytest.fixture(scope="module", autouse=True)
def _prompt_redelivery(stack: Stack) -> None:
    # provisioned, a dead instance's messages come back after 30 s: as long as the saga waits for a step
    set_ack_wait(stack, ACK_WAIT_SECONDS)


def _body() -> dict:
    return booking_body(
        next_day(),
        interpreting={"floor_language": "en", "target_languages": ["zh"]},
        catering={"menu": "western-buffet", "headcount": 200},
    )


def _per_booking(stack: Stack, database: str, sql: str) -> dict[str, list[str]]:
    """Rows of ``sql`` (booking_id first, then '|'-separated columns), grouped by booking."""
    found: dict[str, list[str]] = collections.defaultdict(list)
    for line in filter(None, stack.postgres.psql(sql, database).splitlines()):
        booking_id, _, rest = line.partition("|")
        found[booking_id].append(rest)
    return found


def _ids(bookings: list[str]) -> str:
    return ", ".join(f"'{booking_id}'" for booking_id in bookings)


@pytest.mark.parametrize("service", sorted(CASES))
def test_a_participant_killed_before_its_ack_finishes_every_saga_once_after_restart(
    stack: Stack, organizer, service: str
):
    prefix, durable, stream = CASES[service]
    bookings = size(full=12, reduced=4)
    handled = f"SELECT count(*) FROM inbox WHERE consumer = '{durable}'"
    wait_quiescent(stack)  # nothing in flight: the first message the service gets is the one it dies on
    handled_before = count(stack, service, handled)
    with armed(stack, service, f"consumer.after_commit@{prefix}=kill"):
        first = organizer.post("/bookings", json=_body()).raise_for_status().json()["booking_id"]
        assert wait_for_death(stack, service) == -9
        # it died after its commit and before its ack: the message is recorded as handled, and unacked
        assert count(stack, service, handled) == handled_before + 1
        newest = f"SELECT message_id FROM inbox WHERE consumer = '{durable}' ORDER BY handled_at DESC LIMIT 1"
        killed_on = stack.postgres.psql(newest, service).strip()
        [sequence] = [m.sequence for m in stream_messages(stack, stream) if m.body["message_id"] == killed_on]
        unacked = consumer_states(stack)[durable]
        # that very message is unacked (notify may have been handed the booking's next event as well:
        # its handlers run concurrently, so more than one can be in flight when it dies)
        assert unacked.ack_floor is not None and unacked.num_ack_pending >= 1, unacked
        assert unacked.ack_floor.stream_seq < sequence, (sequence, unacked)
        # the other bookings wait in the stream for the service to come back
        ids = [first] + [
            organizer.post("/bookings", json=_body()).raise_for_status().json()["booking_id"]
            for _ in range(bookings - 1)
        ]
        restart(stack, service)
        outcomes = [wait_for_outcome(organizer, booking_id, timeout=90) for booking_id in ids]
    assert [o["status"] for o in outcomes] == ["confirmed"] * bookings, outcomes
    wait_quiescent(stack)

    # the unacked message really came back: more deliveries than messages on the consumer's subjects
    consumer = consumer_states(stack)[durable]
    messages = sum(1 for stored in stream_messages(stack, stream) if stored.subject.startswith(prefix))
    assert deliveries(consumer) > messages, (deliveries(consumer), messages)

    where = f"booking_id IN ({_ids(ids)})"
    one_each = {booking_id: ["confirmed"] for booking_id in ids}
    reservations = "SELECT booking_id, status FROM reservations WHERE " + where
    assert _per_booking(stack, "interpreting", reservations) == one_each
    orders = "SELECT booking_id, status FROM catering_orders WHERE " + where
    assert _per_booking(stack, "catering", orders) == one_each
    steps = f"SELECT booking_id, step FROM saga_steps WHERE {where} ORDER BY step"
    assert _per_booking(stack, "venue", steps) == {b: ["catering", "hold", "interpreting"] for b in ids}

    # one task per vendor, told once (version 1), and one task message per task and event in the stream
    vendors_told: collections.Counter[str] = collections.Counter()
    for database in ("interpreting", "catering"):
        tasks = _per_booking(
            stack, database, f"SELECT booking_id, vendor_id, version FROM vendor_tasks WHERE {where}"
        )
        assert set(tasks) == set(ids), (database, tasks)
        for booking_id, rows in tasks.items():
            vendors = [row.split("|")[0] for row in rows]
            assert len(vendors) == len(set(vendors)), (database, booking_id, rows)
            assert all(row.endswith("|1") for row in rows), (database, booking_id, rows)
            vendors_told[booking_id] += len(rows)
    told = collections.Counter(
        (subject, body["task_id"])
        for _, subject, body in stream_messages(stack, "TASKS")
        if body.get("booking_id") in ids
    )
    assert told and max(told.values()) == 1, told
    state_events = collections.Counter(
        (body["task_id"], body["version"])
        for name in ("INTERPRETING", "CATERING")
        for _, subject, body in stream_messages(stack, name)
        if subject.endswith(".evt.task_state") and body.get("booking_id") in ids
    )
    assert state_events and max(state_events.values()) == 1, state_events

    # no notice twice (per booking, kind and recipient); the confirmation and every task told
    notifications = _per_booking(
        stack, "notify", f"SELECT booking_id, event, recipient_key FROM notifications WHERE {where}"
    )
    for booking_id in ids:
        kinds = collections.Counter(notifications[booking_id])
        assert max(kinds.values()) == 1, (booking_id, kinds)
        assert any(kind.startswith("booking_confirmed|organizer:") for kind in kinds), (booking_id, kinds)
        assigned = sum(1 for kind in kinds if kind.startswith("vendor_task_assigned|vendor:"))
        assert assigned == vendors_told[booking_id], (booking_id, kinds)
