"""Cancelling on the fake unit of work: the fee by the policy, everything freed, asked twice the same."""

from __future__ import annotations

import uuid
from datetime import timedelta
from functools import partial

import pytest

from services.venue.domain import saga as rules
from services.venue.domain.cancellation import DEFAULT_TIERS
from services.venue.handlers.booking import create_booking
from services.venue.handlers.cancellation import cancel_booking
from services.venue.handlers.changes import request_change
from services.venue.handlers.errors import NotCancellable
from services.venue.handlers.saga import advance
from services.venue.tests.unit.booking_support import CATALOG, NOW, SETTINGS, at, new_booking
from services.venue.tests.unit.fakes import FakeDatabase

pytestmark = pytest.mark.unit

START = at(2, 14)


async def price(_row) -> int:
    return 1_000_000


async def reserved_booking(database: FakeDatabase) -> uuid.UUID:
    command = new_booking(interpreting=True, catering=True)
    booking_id = (await create_booking(command, database, CATALOG, SETTINGS, NOW)).booking_id
    for step in ("interpreting", "catering"):
        async with database.transaction() as unit:
            await advance(unit, booking_id, partial(rules.on_reserved, step=step), CATALOG, SETTINGS)
    return booking_id


async def cancel(database: FakeDatabase, booking_id: uuid.UUID, notice: timedelta, reason: str = "postponed"):
    when = START - notice
    return await cancel_booking(
        database, booking_id, "organizer:ann", reason, when, CATALOG, SETTINGS, DEFAULT_TIERS, price
    )


@pytest.mark.parametrize(("notice", "percent", "fee"), [(20, 0, 0), (5, 50, 500_000), (1, 100, 1_000_000)])
async def test_the_fee_follows_the_tiers_and_everything_is_freed(notice, percent, fee):
    database = FakeDatabase()
    booking_id = await reserved_booking(database)
    cancelled = await cancel(database, booking_id, timedelta(days=notice))
    assert (cancelled.fee_percent, cancelled.fee_minor, cancelled.fee_base_minor) == (percent, fee, 1_000_000)
    booking = database.booking(booking_id)
    assert (booking["status"], booking["reason"]) == ("cancelled", "postponed")
    assert database.held_units() == []
    assert sorted(database.subjects()[-3:-1]) == ["catering.cmd.release", "interpreting.cmd.release"]
    assert database.subjects()[-1] == "venue.evt.booking_cancelled"
    assert database.tables.outbox[-1].fee_minor == fee  # type: ignore[attr-defined]
    assert database.actions(booking_id)[-1] == "cancelled"


async def test_cancelling_again_answers_the_first_cancellation_and_changes_nothing():
    database = FakeDatabase()
    booking_id = await reserved_booking(database)
    first = await cancel(database, booking_id, timedelta(days=5))
    published = database.subjects()
    assert await cancel(database, booking_id, timedelta(days=1), reason="") == first
    assert database.subjects() == published


async def test_a_running_change_is_abandoned_with_the_booking():
    database = FakeDatabase()
    booking_id = await reserved_booking(database)
    await request_change(database, booking_id, "organizer:ann", {"attendees": 90}, CATALOG, SETTINGS, NOW)
    await cancel(database, booking_id, timedelta(days=20))
    change = database.tables.changes[(booking_id, 1)]
    assert (change["state"], change["reason"]) == ("rejected", "the booking was cancelled")
    assert database.held_units() == []


async def test_a_rejected_or_unknown_booking_cannot_be_cancelled():
    database = FakeDatabase()
    command = new_booking(catering=True)
    rejected = (await create_booking(command, database, CATALOG, SETTINGS, NOW)).booking_id
    async with database.transaction() as unit:
        await advance(
            unit, rejected, partial(rules.on_rejected, step="catering", reason="x"), CATALOG, SETTINGS
        )
    with pytest.raises(NotCancellable, match="rejected"):
        await cancel(database, rejected, timedelta(days=5))
    with pytest.raises(NotCancellable, match="no such booking"):
        await cancel(database, uuid.uuid4(), timedelta(days=5))
