"""The booking use case on the fake unit of work: hold, saga start, refusals, idempotency, options."""

from __future__ import annotations

import pytest

from services.venue.handlers.booking import create_booking
from services.venue.handlers.errors import IdempotencyKeyReused, InvalidBooking, SlotTaken
from services.venue.tests.unit.booking_support import CATALOG, NOW, SETTINGS, at, new_booking, step_deadline
from services.venue.tests.unit.fakes import FakeDatabase

pytestmark = pytest.mark.unit


async def test_a_booking_without_services_is_held_and_confirmed_at_once():
    database = FakeDatabase()
    accepted = await create_booking(new_booking(), database, CATALOG, SETTINGS, NOW)
    assert accepted.status == "confirmed" and not accepted.replayed
    assert database.subjects() == ["venue.evt.booking_confirmed"]
    assert database.held_units() == [("room-a", 0)]
    booking = database.booking(accepted.booking_id)
    assert (booking["status"], booking["first_status"]) == ("confirmed", "confirmed")
    assert database.actions(accepted.booking_id) == ["created", "confirmed"]


async def test_a_booking_with_services_holds_every_room_and_asks_each_participant():
    database = FakeDatabase()
    command = new_booking("room-ab", interpreting=True, catering=True)
    accepted = await create_booking(command, database, CATALOG, SETTINGS, NOW)
    assert accepted.status == "pending"
    assert database.subjects() == [
        "interpreting.cmd.reserve",
        "catering.cmd.reserve",
        "venue.evt.booking_received",
    ]
    assert database.held_units() == [("room-a", 0), ("room-b", 0)]
    assert database.steps(accepted.booking_id) == {
        "hold": "held",
        "interpreting": "pending",
        "catering": "pending",
    }
    deadlines = {s["step"]: s["deadline"] for s in database.tables.saga_steps[accepted.booking_id]}
    assert deadlines == {
        "hold": None,
        "interpreting": step_deadline(SETTINGS, "interpreting"),
        "catering": step_deadline(SETTINGS, "catering"),
    }


async def test_the_vip_hall_waits_for_staff_approval():
    database = FakeDatabase()
    command = new_booking("vip-hall", layout="boardroom", attendees=20)
    accepted = await create_booking(command, database, CATALOG, SETTINGS, NOW)
    assert accepted.status == "pending"
    assert database.subjects() == ["venue.evt.booking_received", "venue.evt.approval_needed"]
    assert database.tables.outbox[-1].decide_by == step_deadline(SETTINGS, "approval")  # type: ignore[attr-defined]


async def test_an_overlap_with_a_combined_room_is_refused_and_writes_nothing():
    database = FakeDatabase()
    await create_booking(new_booking("room-b"), database, CATALOG, SETTINGS, NOW)
    before = (dict(database.tables.bookings), list(database.tables.outbox), len(database.tables.audit))
    with pytest.raises(SlotTaken) as refused:
        await create_booking(new_booking("room-ab", at(2, 9), at(2, 14)), database, CATALOG, SETTINGS, NOW)
    assert refused.value.space_id == "room-ab" and refused.value.taken  # the interval in the way is named
    assert (database.tables.bookings, database.tables.outbox, len(database.tables.audit)) == before
    await create_booking(new_booking("room-c"), database, CATALOG, SETTINGS, NOW)  # A and C stay apart


async def test_a_broken_rule_holds_nothing():
    database = FakeDatabase()
    with pytest.raises(InvalidBooking) as refused:
        await create_booking(new_booking(attendees=500), database, CATALOG, SETTINGS, NOW)
    assert [v.field for v in refused.value.violations] == ["attendees"]
    assert database.tables.bookings == {} and database.tables.holds == []


async def test_the_same_idempotency_key_answers_the_first_booking_and_refuses_another_body():
    database = FakeDatabase()
    first = await create_booking(new_booking(key="k1"), database, CATALOG, SETTINGS, NOW)
    again = await create_booking(new_booking(key="k1"), database, CATALOG, SETTINGS, NOW)
    assert (again.booking_id, again.status, again.replayed) == (first.booking_id, first.status, True)
    assert len(database.tables.bookings) == 1
    with pytest.raises(IdempotencyKeyReused):
        await create_booking(new_booking(key="k1", title="another"), database, CATALOG, SETTINGS, NOW)


async def test_an_option_holds_the_space_until_its_expiry_without_telling_anyone():
    database = FakeDatabase()
    until = at(1, 12)
    accepted = await create_booking(new_booking(), database, CATALOG, SETTINGS, NOW, option_until=until)
    booking = database.booking(accepted.booking_id)
    assert (accepted.status, booking["phase"], booking["hold_expires_at"]) == ("option", "option", until)
    assert database.subjects() == [] and database.held_units() == [("room-a", 0)]
    assert database.actions(accepted.booking_id) == ["option placed"]
