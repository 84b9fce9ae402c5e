"""Ops' queries against a real PostgreSQL: sagas by state with their waiting steps, stuck booking and change
sagas, and the audit of ops' actions (with or without a booking of ours)."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.venue.adapters.ops.sagas import SagaQuery
from services.venue.domain.ops import StuckRules
from services.venue.handlers.booking import create_booking
from services.venue.handlers.changes import request_change
from services.venue.handlers.ops.sagas import sagas_by_state, stuck_sagas
from services.venue.tests.integration.test_booking_saga_db import CATALOG, SETTINGS, at, booking
from services.venue.tests.integration.test_changes_db import confirmed_booking

pytestmark = pytest.mark.integration

RULES = StuckRules(grace=timedelta(seconds=30), in_flight=timedelta(hours=1))


async def test_sagas_by_state_list_bookings_and_changes_with_the_steps_they_wait_on(database):
    now = datetime.now(UTC)
    pending = await create_booking(booking(catering=True, space="room-b"), database, CATALOG, SETTINGS, now)
    changed = await confirmed_booking(database)
    await request_change(database, changed, "organizer:x", {"attendees": 90}, CATALOG, SETTINGS, now)

    counts, running = await sagas_by_state(database, SagaQuery(state="running"))
    _, changes = await sagas_by_state(database, SagaQuery(kind="change"))

    assert counts == {"booking": {"running": 1, "confirmed": 1}, "change": {"running": 1}}
    assert {(v.row["kind"], v.row["booking_id"]) for v in running} == {
        ("booking", pending.booking_id),
        ("change", changed),
    }
    for view in running:
        assert [(s.step, s.state) for s in view.waiting] == [("catering", "pending")]
        assert view.waiting[0].deadline == now + SETTINGS.step_timeout
    assert [(v.row["booking_id"], v.row["revision"]) for v in changes] == [(changed, 1)]


async def test_a_page_continues_after_the_last_saga_of_the_one_before(database):
    now = datetime.now(UTC)
    made = [
        (await create_booking(booking(space=space), database, CATALOG, SETTINGS, now)).booking_id
        for space in ("room-a", "room-b", "room-c")
    ]
    _, first = await sagas_by_state(database, SagaQuery(limit=2))
    last = first[-1].row
    _, rest = await sagas_by_state(
        database, SagaQuery(limit=2, after=(last["updated_at"], last["booking_id"], last["revision"]))
    )

    assert sorted(v.row["booking_id"] for v in [*first, *rest]) == sorted(made)


async def test_booking_and_change_sagas_past_their_deadline_are_stuck_once_the_grace_is_over(database):
    now = datetime.now(UTC)
    pending = await create_booking(booking(catering=True, space="room-b"), database, CATALOG, SETTINGS, now)
    changed = await confirmed_booking(database, start=at(3, 14), end=at(3, 18))
    await request_change(database, changed, "organizer:x", {"attendees": 90}, CATALOG, SETTINGS, now)
    deadline = now + SETTINGS.step_timeout

    within_grace = await stuck_sagas(database, RULES, deadline + RULES.grace, 100)
    missed = await stuck_sagas(database, RULES, deadline + RULES.grace + timedelta(seconds=1), 100)

    assert within_grace == []
    assert {(v.row["kind"], v.row["booking_id"]) for v in missed} == {
        ("booking", pending.booking_id),
        ("change", changed),
    }
    for view in missed:
        assert view.stuck_because == [
            "catering pending 31 s past its deadline (the deadline sweep should have handled it)"
        ]


async def test_a_saga_in_flight_too_long_is_stuck_without_any_deadline(database):
    now = datetime.now(UTC)
    accepted = await create_booking(booking(catering=True), database, CATALOG, SETTINGS, now)
    await database.pool.execute(
        "UPDATE saga_steps SET deadline = NULL WHERE booking_id = $1", accepted.booking_id
    )

    later = await stuck_sagas(database, RULES, now + RULES.in_flight + timedelta(seconds=5), 100)

    assert [v.row["booking_id"] for v in later] == [accepted.booking_id]
    assert later[0].stuck_because[0].startswith("running for ")


async def test_an_ops_action_is_audited_on_the_booking_it_names_if_that_is_ours(database):
    accepted = await create_booking(booking(), database, CATALOG, SETTINGS, datetime.now(UTC))
    async with database.transaction() as unit:
        for booking_id in (accepted.booking_id, uuid.uuid4(), None):
            await unit.ops.audit(booking_id, "ops:1", "dead letter shown", {"dead_letter": 7}, "t")

    async with database.autocommit() as unit:
        trail = await unit.ops.ops_trail(None, 10)
        older = await unit.ops.ops_trail(trail[0]["id"], 10)

    assert [row["booking_id"] for row in trail] == [None, None, accepted.booking_id]  # newest first
    assert [row["id"] for row in older] == [row["id"] for row in trail[1:]]
    assert trail[0]["detail"] == {"dead_letter": 7}
