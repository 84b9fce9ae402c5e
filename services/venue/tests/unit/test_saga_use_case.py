"""Advancing the booking saga on the fake unit of work: answers, compensation, deadlines."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from functools import partial

import pytest
from opentelemetry import trace

from services.venue.domain import saga as rules
from services.venue.domain.booking import ReleasedHold
from services.venue.handlers import answers, deadlines
from services.venue.handlers.booking import create_booking
from services.venue.handlers.saga import Transition, advance
from services.venue.tests.unit.booking_support import CATALOG, NOW, SETTINGS, new_booking
from services.venue.tests.unit.fakes import FakeDatabase
from shared.contracts import CateringReserved

pytestmark = pytest.mark.unit


async def pending_booking(database: FakeDatabase) -> uuid.UUID:
    command = new_booking(interpreting=True, catering=True)
    return (await create_booking(command, database, CATALOG, SETTINGS, NOW)).booking_id


async def step(database: FakeDatabase, booking_id: uuid.UUID, transition: Transition) -> bool:
    async with database.transaction() as unit:
        return await advance(unit, booking_id, transition, CATALOG, SETTINGS)


async def test_every_participant_reserved_confirms_the_booking_and_each_reservation():
    database = FakeDatabase()
    booking_id = await pending_booking(database)
    assert await step(database, booking_id, partial(rules.on_reserved, step="interpreting"))
    assert database.booking(booking_id)["status"] == "pending"
    assert await step(database, booking_id, partial(rules.on_reserved, step="catering"))
    assert database.booking(booking_id)["status"] == "confirmed"
    assert database.subjects()[-3:] == [
        "interpreting.cmd.confirm",
        "catering.cmd.confirm",
        "venue.evt.booking_confirmed",
    ]
    assert database.steps(booking_id) == {
        "hold": "held",
        "interpreting": "confirmed",
        "catering": "confirmed",
    }
    assert database.actions(booking_id)[-1] == "confirmed"


async def test_a_rejection_releases_what_was_reserved_then_frees_the_hall_for_the_waitlist():
    database = FakeDatabase()
    booking_id = await pending_booking(database)
    await step(database, booking_id, partial(rules.on_reserved, step="interpreting"))
    await step(database, booking_id, partial(rules.on_rejected, step="catering", reason="kitchen full"))
    assert database.booking(booking_id)["phase"] == "compensating"
    assert database.subjects()[-1] == "interpreting.cmd.release"
    assert database.held_units() == [("room-a", 0)]  # the hall goes last
    async with database.transaction() as unit:
        await advance(unit, booking_id, partial(rules.on_released, step="interpreting"), CATALOG, SETTINGS)
        released = list(unit.released)
    booking = database.booking(booking_id)
    assert (booking["status"], booking["reason"]) == ("rejected", "kitchen full")
    assert database.held_units() == [] and database.steps(booking_id)["hold"] == "released"
    assert database.subjects()[-1] == "venue.evt.booking_rejected"
    assert released == [ReleasedHold("room-a", booking["blocked"])]  # for the waitlist's own step
    assert database.actions(booking_id)[-1] == "rejected"


async def test_a_repeated_or_late_answer_changes_nothing():
    database = FakeDatabase()
    booking_id = await pending_booking(database)
    assert await step(database, booking_id, partial(rules.on_reserved, step="catering"))
    published = database.subjects()
    assert not await step(database, booking_id, partial(rules.on_reserved, step="catering"))
    assert not await step(database, uuid.uuid4(), partial(rules.on_reserved, step="catering"))
    assert database.subjects() == published


async def test_an_answer_for_a_superseded_plan_is_ignored():
    database = FakeDatabase()
    booking_id = await pending_booking(database)
    database.booking(booking_id)["revision"] = 2
    late = CateringReserved(booking_id=booking_id, revision=1, meal_period="lunch", covers=80, price_minor=1)
    transitions = (partial(rules.on_reserved, step="catering"), None)
    async with database.transaction() as unit:
        await answers.answer(unit, late, transitions, None, CATALOG, SETTINGS)
    assert database.steps(booking_id)["catering"] == "pending"


async def test_a_silent_participant_is_given_up_at_its_deadline_and_compensated():
    database = FakeDatabase()
    booking_id = await pending_booking(database)
    await step(database, booking_id, partial(rules.on_reserved, step="interpreting"))
    for row in database.tables.saga_steps[booking_id]:
        if row["step"] == "catering":
            row["deadline"] = datetime.now(UTC) - timedelta(seconds=1)  # the caterer never answered
    tracer = trace.get_tracer("test")
    assert await deadlines.expire_one(database, CATALOG, SETTINGS, tracer)
    booking = database.booking(booking_id)
    assert booking["phase"] == "compensating" and "did not answer within 30 s" in booking["reason"]
    assert database.steps(booking_id) == {
        "hold": "held",
        "interpreting": "releasing",
        "catering": "releasing",
    }
    assert sorted(database.subjects()[-2:]) == ["catering.cmd.release", "interpreting.cmd.release"]
    assert not await deadlines.expire_one(database, CATALOG, SETTINGS, tracer)  # the releases have time
