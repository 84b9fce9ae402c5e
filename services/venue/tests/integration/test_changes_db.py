"""The change saga against a real PostgreSQL, with the participants' answers delivered by hand."""

from datetime import UTC, datetime, timedelta
from functools import partial

import pytest

from services.venue.domain import saga as rules
from services.venue.domain.guest_links import link_hash, new_link_secret
from services.venue.entrypoints.messages.participants import routes
from services.venue.handlers.booking import create_booking
from services.venue.handlers.changes import request_change
from services.venue.handlers.errors import NotChangeable, SlotTaken
from services.venue.handlers.saga import advance
from services.venue.tests.integration.test_booking_saga_db import (
    CATALOG,
    SETTINGS,
    at,
    booking,
    outbox_subjects,
)
from shared.contracts import CateringRejected, CateringReserved, Message

pytestmark = pytest.mark.integration

NOW = datetime.now(UTC)
BUFFET = {"menu": "western-buffet", "headcount": 80}


async def confirmed_booking(database, **changes):
    accepted = await create_booking(booking(catering=True, **changes), database, CATALOG, SETTINGS, NOW)
    async with database.transaction() as unit:
        await advance(
            unit, accepted.booking_id, partial(rules.on_reserved, step="catering"), CATALOG, SETTINGS
        )
    return accepted.booking_id


async def deliver(database, event: Message) -> None:
    """Hand an event to the venue's consumer routes, as the shared consumer would."""
    handlers = {
        kind: handler for table in routes(CATALOG, SETTINGS).values() for kind, handler in table.items()
    }
    async with database.database.transaction() as unit:
        await handlers[type(event)](event, unit)


async def holds(database, booking_id):
    rows = await database.pool.fetch(
        "SELECT revision, lower(during) AS starts FROM space_holds WHERE booking_id = $1 ORDER BY revision",
        booking_id,
    )
    return [(row["revision"], row["starts"]) for row in rows]


async def test_a_change_is_held_beside_the_old_plan_and_replaces_it_when_every_participant_agrees(database):
    booking_id = await confirmed_booking(database)
    later = {"starts_at": at(2, 15), "ends_at": at(2, 19)}
    accepted = await request_change(database, booking_id, "organizer:x", later, CATALOG, SETTINGS, NOW)
    assert (accepted.revision, accepted.state, accepted.changes) == (1, "running", ["starts_at", "ends_at"])
    assert [revision for revision, _ in await holds(database, booking_id)] == [
        0,
        1,
    ]  # a booking may overlap itself
    assert (await outbox_subjects(database))[-1] == "catering.cmd.reserve"
    await deliver(
        database,
        CateringReserved(booking_id=booking_id, revision=1, meal_period="lunch", covers=80, price_minor=1),
    )
    row = await database.pool.fetchrow(
        "SELECT starts_at, revision, status FROM bookings WHERE id = $1", booking_id
    )
    assert (row["starts_at"], row["revision"], row["status"]) == (at(2, 15), 1, "confirmed")
    assert [revision for revision, _ in await holds(database, booking_id)] == [1]
    assert (await outbox_subjects(database))[-2:] == ["catering.cmd.confirm", "venue.evt.booking_changed"]
    confirm = await database.pool.fetchval(
        "SELECT payload FROM outbox WHERE subject = 'catering.cmd.confirm' ORDER BY seq DESC LIMIT 1"
    )
    assert b'"revision":1' in confirm


async def test_a_failed_change_leaves_the_booking_exactly_as_it_was(database):
    booking_id = await confirmed_booking(database)
    before = await database.pool.fetchrow("SELECT * FROM bookings WHERE id = $1", booking_id)
    held_before = await holds(database, booking_id)
    await request_change(
        database, booking_id, "organizer:x", {"catering": {**BUFFET, "headcount": 90}}, CATALOG, SETTINGS, NOW
    )
    await deliver(database, CateringRejected(booking_id=booking_id, revision=1, reason="kitchen full"))
    after = await database.pool.fetchrow("SELECT * FROM bookings WHERE id = $1", booking_id)
    assert dict(after) == dict(before)
    assert await holds(database, booking_id) == held_before
    change = await database.pool.fetchrow(
        "SELECT state, reason FROM booking_changes WHERE booking_id = $1", booking_id
    )
    assert (change["state"], change["reason"]) == ("rejected", "kitchen full")
    last = await database.pool.fetchval("SELECT payload FROM outbox ORDER BY seq DESC LIMIT 1")
    assert b'"revision":1' in last  # only the new plan is released


async def test_a_change_after_a_rejected_one_takes_a_revision_of_its_own_and_releases_the_live_plan(database):
    # found by tests/faults/test_stateful.py: the second change reused revision 1 and answered 500
    booking_id = await confirmed_booking(database)
    await request_change(database, booking_id, "organizer:x", {"attendees": 90}, CATALOG, SETTINGS, NOW)
    await deliver(database, CateringRejected(booking_id=booking_id, revision=1, reason="kitchen full"))
    accepted = await request_change(
        database, booking_id, "organizer:x", {"catering": None}, CATALOG, SETTINGS, NOW
    )
    assert (accepted.revision, accepted.state) == (2, "applied")
    assert await database.pool.fetchval("SELECT revision FROM bookings WHERE id = $1", booking_id) == 2
    assert [revision for revision, _ in await holds(database, booking_id)] == [2]
    release = await database.pool.fetchval(
        "SELECT payload FROM outbox WHERE subject = 'catering.cmd.release' ORDER BY seq DESC LIMIT 1"
    )
    assert b'"revision":0' in release  # the plan the caterer holds, not the rejected change's


async def test_a_change_into_a_taken_slot_is_refused_at_once_and_writes_nothing(database):
    booking_id = await confirmed_booking(database)
    await create_booking(
        booking(space="room-b", start=at(3, 14), end=at(3, 18)), database, CATALOG, SETTINGS, NOW
    )
    with pytest.raises(SlotTaken):
        await request_change(
            database,
            booking_id,
            "organizer:x",
            {"space_id": "room-ab", "starts_at": at(3, 14), "ends_at": at(3, 18)},
            CATALOG,
            SETTINGS,
            NOW,
        )
    assert await database.pool.fetchval("SELECT count(*) FROM booking_changes") == 0
    assert [revision for revision, _ in await holds(database, booking_id)] == [0]


async def test_dropping_a_service_applies_at_once_and_releases_it(database):
    booking_id = await confirmed_booking(database)
    accepted = await request_change(
        database, booking_id, "organizer:x", {"catering": None}, CATALOG, SETTINGS, NOW
    )
    assert accepted.state == "applied"
    release = await database.pool.fetchval(
        "SELECT payload FROM outbox WHERE subject = 'catering.cmd.release'"
    )
    assert b'"revision":0' in release
    assert await database.pool.fetchval("SELECT catering FROM bookings WHERE id = $1", booking_id) is None


async def test_one_change_at_a_time_and_only_of_a_confirmed_booking(database):
    booking_id = await confirmed_booking(database)
    await request_change(database, booking_id, "organizer:x", {"attendees": 90}, CATALOG, SETTINGS, NOW)
    with pytest.raises(NotChangeable, match="still running"):
        await request_change(database, booking_id, "organizer:x", {"attendees": 95}, CATALOG, SETTINGS, NOW)
    pending = await create_booking(
        booking(start=at(5, 14), end=at(5, 18), catering=True), database, CATALOG, SETTINGS, NOW
    )
    with pytest.raises(NotChangeable, match="confirmed"):
        await request_change(
            database, pending.booking_id, "organizer:x", {"attendees": 90}, CATALOG, SETTINGS, NOW
        )


async def test_an_unanswered_change_step_gives_up_after_its_deadline(database):
    from services.venue.domain.settings import SagaSettings
    from services.venue.handlers.deadlines import expire_change_step

    short = SagaSettings(step_timeout=timedelta(milliseconds=1))
    booking_id = await confirmed_booking(database)
    await request_change(database, booking_id, "organizer:x", {"attendees": 90}, CATALOG, short, NOW)
    import asyncio

    await asyncio.sleep(0.05)
    assert await expire_change_step(database, CATALOG, short)
    state = await database.pool.fetchval(
        "SELECT state FROM booking_changes WHERE booking_id = $1", booking_id
    )
    assert state == "rejected"
    assert await database.pool.fetchval("SELECT attendees FROM bookings WHERE id = $1", booking_id) == 100


async def test_a_changed_end_moves_the_guests_links_expiry_with_it(database):
    booking_id = await confirmed_booking(database)
    row = await database.pool.fetchrow("SELECT ends_at FROM bookings WHERE id = $1", booking_id)
    async with database.transaction() as unit:
        invitation_id = await unit.registrations.invite(
            booking_id, "guest@example.org", "en", link_hash(new_link_secret()), "organizer:x", row["ends_at"]
        )
    later = {"starts_at": at(2, 15), "ends_at": at(2, 19)}
    await request_change(database, booking_id, "organizer:x", later, CATALOG, SETTINGS, NOW)
    expiry = "SELECT expires_at FROM guest_invitations WHERE id = $1"
    assert await database.pool.fetchval(expiry, invitation_id) == row["ends_at"]  # not before it applies
    await deliver(
        database,
        CateringReserved(booking_id=booking_id, revision=1, meal_period="lunch", covers=80, price_minor=1),
    )
    assert await database.pool.fetchval(expiry, invitation_id) == at(2, 19)
