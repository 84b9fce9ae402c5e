"""Changing a confirmed booking on the fake unit of work: the new plan beside the old, then applied or
abandoned; the booking stays exactly as it was when the change fails."""

from __future__ import annotations

import copy
import uuid
from functools import partial

import pytest

from services.venue.domain import change as change_rules
from services.venue.domain import saga as rules
from services.venue.domain.booking import ReleasedHold
from services.venue.handlers.booking import create_booking
from services.venue.handlers.change_saga import advance_change
from services.venue.handlers.changes import request_change
from services.venue.handlers.errors import NotChangeable, SlotTaken
from services.venue.handlers.saga import advance
from services.venue.tests.unit.booking_support import BUFFET, CATALOG, NOW, SETTINGS, at, new_booking
from services.venue.tests.unit.fakes import FakeDatabase

pytestmark = pytest.mark.unit


async def confirmed_booking(database: FakeDatabase) -> uuid.UUID:
    booking_id = (
        await create_booking(new_booking(catering=True), database, CATALOG, SETTINGS, NOW)
    ).booking_id
    async with database.transaction() as unit:
        await advance(unit, booking_id, partial(rules.on_reserved, step="catering"), CATALOG, SETTINGS)
    return booking_id


async def change_step(database: FakeDatabase, booking_id: uuid.UUID, revision: int, transition) -> list:
    async with database.transaction() as unit:
        await advance_change(unit, booking_id, revision, transition, CATALOG)
        return list(unit.released)


async def test_a_change_is_held_beside_the_live_plan_and_replaces_it_when_the_participant_agrees():
    database = FakeDatabase()
    booking_id = await confirmed_booking(database)
    blocked_before = database.booking(booking_id)["blocked"]
    later = {"starts_at": at(2, 15), "ends_at": at(2, 19)}
    accepted = await request_change(database, booking_id, "organizer:ann", later, CATALOG, SETTINGS, NOW)
    assert (accepted.revision, accepted.state, accepted.changes) == (1, "running", ["starts_at", "ends_at"])
    assert database.held_units(booking_id) == [("room-a", 0), ("room-a", 1)]  # a booking may overlap itself
    assert database.subjects()[-1] == "catering.cmd.reserve"
    assert database.tables.outbox[-1].revision == 1  # type: ignore[attr-defined]
    released = await change_step(database, booking_id, 1, partial(change_rules.on_reserved, step="catering"))
    booking = database.booking(booking_id)
    assert (booking["starts_at"], booking["revision"], booking["status"]) == (at(2, 15), 1, "confirmed")
    assert database.held_units(booking_id) == [("room-a", 1)]
    assert database.subjects()[-2:] == ["catering.cmd.confirm", "venue.evt.booking_changed"]
    assert released == [ReleasedHold("room-a", blocked_before)]  # the old slot, for the waitlist
    assert database.tables.changes[(booking_id, 1)]["state"] == "applied"
    assert database.actions(booking_id)[-2:] == ["change requested", "changed"]


async def test_a_failed_change_leaves_the_booking_exactly_as_it_was():
    database = FakeDatabase()
    booking_id = await confirmed_booking(database)
    before = copy.deepcopy(database.booking(booking_id))
    wanted = {"catering": {**BUFFET, "headcount": 70}}
    await request_change(database, booking_id, "organizer:ann", wanted, CATALOG, SETTINGS, NOW)
    published = database.subjects()
    transition = partial(change_rules.on_rejected, step="catering", reason="kitchen full")
    assert await change_step(database, booking_id, 1, transition) == []
    assert database.booking(booking_id) == before
    assert database.held_units(booking_id) == [("room-a", 0)]
    change = database.tables.changes[(booking_id, 1)]
    assert (change["state"], change["reason"]) == ("rejected", "kitchen full")
    assert database.subjects() == published  # the caterer refused the new plan: it holds nothing of it


async def test_dropping_a_service_applies_at_once_and_releases_the_live_plan():
    database = FakeDatabase()
    booking_id = await confirmed_booking(database)
    accepted = await request_change(
        database, booking_id, "organizer:ann", {"catering": None}, CATALOG, SETTINGS, NOW
    )
    assert accepted.state == "applied"
    assert database.booking(booking_id)["catering"] is None
    release = next(m for m in database.tables.outbox if m.subject == "catering.cmd.release")
    assert release.revision == 0  # type: ignore[attr-defined]


async def test_one_change_at_a_time_only_of_a_confirmed_booking_and_only_if_it_changes_something():
    database = FakeDatabase()
    booking_id = await confirmed_booking(database)
    with pytest.raises(NotChangeable, match="changes nothing"):
        await request_change(database, booking_id, "organizer:ann", {"attendees": 80}, CATALOG, SETTINGS, NOW)
    await request_change(database, booking_id, "organizer:ann", {"attendees": 90}, CATALOG, SETTINGS, NOW)
    with pytest.raises(NotChangeable, match="still running"):
        await request_change(database, booking_id, "organizer:ann", {"attendees": 95}, CATALOG, SETTINGS, NOW)
    pending = await create_booking(new_booking("room-c", catering=True), database, CATALOG, SETTINGS, NOW)
    with pytest.raises(NotChangeable, match="confirmed"):
        await request_change(
            database, pending.booking_id, "organizer:ann", {"attendees": 90}, CATALOG, SETTINGS, NOW
        )


async def test_a_change_into_a_taken_slot_is_refused_and_writes_nothing():
    database = FakeDatabase()
    booking_id = await confirmed_booking(database)
    await create_booking(new_booking("room-b", at(3, 14), at(3, 18)), database, CATALOG, SETTINGS, NOW)
    wanted = {"space_id": "room-ab", "starts_at": at(3, 14), "ends_at": at(3, 18)}
    with pytest.raises(SlotTaken):
        await request_change(database, booking_id, "organizer:ann", wanted, CATALOG, SETTINGS, NOW)
    assert database.tables.changes == {}
    assert database.held_units(booking_id) == [("room-a", 0)]
