"""Option holds, their expiry (also across restarts: state is in the database) and the waitlist."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.venue.domain.access import Role, new_api_key
from services.venue.domain.settings import HoldSettings, option_until
from services.venue.handlers.booking import create_booking
from services.venue.handlers.errors import OptionNotConvertible, SlotFree
from services.venue.handlers.options import convert_option, expire_one, warn_one
from services.venue.handlers.waitlist import join_waitlist
from services.venue.tests.integration.test_booking_saga_db import (
    CATALOG,
    SETTINGS,
    at,
    booking,
    outbox_subjects,
)

pytestmark = pytest.mark.integration

NOW = datetime.now(UTC)
HOLDS = HoldSettings()


async def organizer(database, name: str) -> uuid.UUID:
    async with database.transaction() as unit:
        return await unit.accounts.create_account(
            Role.ORGANIZER,
            {"name": name, "email": f"{name}-{uuid.uuid4().hex[:6]}@example.org"},
            new_api_key(),
            "test",
        )


def for_organizer(command, organizer_id):
    return type(command)(
        **{**command.__dict__, "organizer_id": organizer_id, "actor": f"organizer:{organizer_id}"}
    )


async def test_an_option_holds_the_space_and_converts_into_a_booking_with_services(database):
    until = option_until(NOW, at(2, 14), 7)
    option = await create_booking(booking(), database, CATALOG, SETTINGS, NOW, option_until=until)
    assert option.status == "option"
    row = await database.pool.fetchrow("SELECT status, hold_expires_at FROM bookings")
    assert row["status"] == "option" and row["hold_expires_at"] == until
    assert await database.pool.fetchval("SELECT count(*) FROM space_holds") == 1
    assert await outbox_subjects(database) == []  # nothing to arrange yet
    status = await convert_option(
        database,
        option.booking_id,
        "organizer:x",
        {"catering": {"menu": "western-buffet", "headcount": 80}},
        CATALOG,
        SETTINGS,
        NOW,
    )
    assert status == "pending"
    assert await outbox_subjects(database) == ["catering.cmd.reserve", "venue.evt.booking_received"]
    with pytest.raises(OptionNotConvertible):
        await convert_option(database, option.booking_id, "organizer:x", {}, CATALOG, SETTINGS, NOW)


async def test_an_option_warns_once_then_expires_and_frees_the_space(database):
    until = NOW + timedelta(days=7)
    option = await create_booking(booking(), database, CATALOG, SETTINGS, NOW, option_until=until)
    assert not await warn_one(database, CATALOG, HOLDS, NOW)
    assert await warn_one(database, CATALOG, HOLDS, until - timedelta(hours=23))
    assert not await warn_one(database, CATALOG, HOLDS, until - timedelta(hours=22))  # once
    assert not await expire_one(database, CATALOG, HOLDS, until - timedelta(seconds=1))
    assert await expire_one(database, CATALOG, HOLDS, until)
    assert (
        await database.pool.fetchval("SELECT status FROM bookings WHERE id = $1", option.booking_id)
        == "expired"
    )
    assert await database.pool.fetchval("SELECT count(*) FROM space_holds") == 0
    assert await outbox_subjects(database) == ["venue.evt.hold_expiring", "venue.evt.hold_expired"]
    with pytest.raises(OptionNotConvertible):
        await convert_option(database, option.booking_id, "organizer:x", {}, CATALOG, SETTINGS, until)


async def test_the_waitlist_promotes_the_first_in_line_when_the_option_lapses(database):
    first, second = await organizer(database, "bo"), await organizer(database, "cy")
    until = NOW + timedelta(days=2)
    await create_booking(booking(), database, CATALOG, SETTINGS, NOW, option_until=until)
    with pytest.raises(SlotFree):
        await join_waitlist(database, for_organizer(booking(space="room-c"), first), CATALOG, NOW)
    _, place_one = await join_waitlist(database, for_organizer(booking(space="room-ab"), first), CATALOG, NOW)
    _, place_two = await join_waitlist(database, for_organizer(booking(), second), CATALOG, NOW)
    assert (place_one, place_two) == (1, 2)
    assert await expire_one(database, CATALOG, HOLDS, until)
    promoted = await database.pool.fetch(
        "SELECT organizer_id, status, space_id FROM bookings WHERE status = 'option'"
    )
    assert [(r["organizer_id"], r["space_id"]) for r in promoted] == [
        (first, "room-ab")
    ]  # second overlaps: waits
    assert (await outbox_subjects(database))[-1] == "venue.evt.waitlist_promoted"
    waiting = await database.pool.fetch("SELECT organizer_id FROM waitlist WHERE status = 'waiting'")
    assert [r["organizer_id"] for r in waiting] == [second]


async def test_a_cancellation_promotes_the_waitlist_too(database):
    from services.venue.domain.cancellation import DEFAULT_TIERS
    from services.venue.handlers.cancellation import cancel_booking

    waiting = await organizer(database, "dee")
    taken = await create_booking(booking(), database, CATALOG, SETTINGS, NOW)
    await join_waitlist(database, for_organizer(booking(), waiting), CATALOG, NOW)

    async def price(_row) -> int:
        return 0

    await cancel_booking(
        database, taken.booking_id, "organizer:x", "", NOW, CATALOG, SETTINGS, DEFAULT_TIERS, price
    )
    row = await database.pool.fetchrow(
        "SELECT organizer_id, status FROM bookings WHERE organizer_id = $1", waiting
    )
    assert row["status"] == "option"
