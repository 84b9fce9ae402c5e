"""The space calendar against a real PostgreSQL: closures, changeover buffers, availability, races.

The ``database`` fixture (an empty, migrated venue database) comes from conftest.py."""

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.availability import Query
from services.venue.domain.booking import BookingRequest
from services.venue.domain.catalog import load_catalog
from services.venue.domain.commands import NewBooking
from services.venue.domain.settings import SagaSettings
from services.venue.handlers import closures
from services.venue.handlers.availability import availability
from services.venue.handlers.booking import create_booking
from services.venue.handlers.errors import InvalidBooking, InvalidRequest, SlotTaken
from shared.contracts import Organizer

pytestmark = pytest.mark.integration

CATALOG = load_catalog()
SETTINGS = SagaSettings()
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime.now(UTC)
FIRST_DAY = (NOW + timedelta(days=30)).astimezone(SHANGHAI).replace(hour=0, minute=0, second=0, microsecond=0)


def at(day: int, hour: float) -> datetime:
    """``hour`` o'clock, venue time, ``day`` days after the first test day."""
    return FIRST_DAY + timedelta(days=day, hours=hour)


def booking(
    space: str, start: datetime, end: datetime, layout: str = "theater", title: str = "Forum"
) -> NewBooking:
    request = BookingRequest(
        space_id=space, layout=layout, starts_at=start, ends_at=end, attendees=20, time_zone="Europe/Berlin"
    )
    return NewBooking(
        request=request,
        title=title,
        organizer=Organizer(name="Ann", email="ann@example.org"),
        organizer_id=None,
        actor="test:integration",
        interpreting=None,
        catering=None,
        idempotency_key=None,
        canonical_body=msgspec.json.encode([space, str(start), title]),
    )


def closure(
    space_id: str | None, start: datetime, end: datetime, reason: str = "maintenance"
) -> closures.NewClosure:
    return closures.NewClosure(
        space_id=space_id, starts_at=start, ends_at=end, reason=reason, actor="staff:test", account_id=None
    )


async def book(database: VenueDatabase, space: str, start: datetime, end: datetime, layout: str = "theater"):
    return await create_booking(booking(space, start, end, layout), database, CATALOG, SETTINGS, NOW)


async def test_a_closure_refuses_bookings_whose_hold_meets_it_on_any_shared_room(database):
    await closures.close(closure("room-b", at(0, 12), at(0, 15)), database, CATALOG, dry_run=False)
    for space, start, end in [
        ("room-b", at(0, 13), at(0, 14)),
        ("room-abc", at(0, 9), at(0, 11.5)),
        ("room-ab", at(0, 15.5), at(0, 17)),
    ]:
        with pytest.raises(InvalidBooking) as refused:
            await book(database, space, start, end)
        [violation] = refused.value.violations
        assert (
            violation.field == "starts_at"
            and "closed" in violation.reason
            and "maintenance" in violation.reason
        )
    assert await database.pool.fetchval("SELECT count(*) FROM bookings") == 0
    await book(database, "room-a", at(0, 13), at(0, 14))  # room A is not closed
    await book(database, "room-b", at(0, 15.5), at(0, 17))  # 30 min setup from 15:00


async def test_a_closure_lists_the_bookings_it_hits_and_a_dry_run_writes_nothing(database):
    hit = await book(database, "room-a", at(0, 10), at(0, 12))
    near = await book(database, "room-c", at(0, 14), at(0, 16))  # its setup starts 13:30: hit
    await book(database, "room-c", at(0, 17), at(0, 18))  # not hit
    dry = await closures.close(closure(None, at(0, 11), at(0, 14)), database, CATALOG, dry_run=True)
    assert dry.closure_id is None and {row["id"] for row in dry.hits} == {hit.booking_id, near.booking_id}
    assert await database.pool.fetchval("SELECT count(*) FROM closures") == 0
    placed = await closures.close(closure(None, at(0, 11), at(0, 14)), database, CATALOG, dry_run=False)
    assert [row["id"] for row in placed.hits] == [hit.booking_id, near.booking_id]
    assert len(placed.units) == 7  # every room of the venue
    audited = await database.pool.fetch(
        "SELECT booking_id, action FROM audit_log WHERE action = 'closure hit'"
    )
    assert {row["booking_id"] for row in audited} == {hit.booking_id, near.booking_id}
    statuses = await database.pool.fetch("SELECT status FROM bookings")
    assert {row["status"] for row in statuses} == {"confirmed"}  # listed, not cancelled
    assert await closures.reopen(placed.closure_id, database, "staff:test")
    assert not await closures.reopen(placed.closure_id, database, "staff:test")
    await book(database, "room-b", at(0, 12), at(0, 13))  # open again


async def test_closure_rules_name_the_field(database):
    for command, field in [
        (closure("ballroom", at(0, 10), at(0, 12)), "space_id"),
        (closure(None, at(0, 12), at(0, 10)), "ends_at"),
        (closure(None, at(0, 12).replace(tzinfo=None), at(0, 14)), "starts_at"),
    ]:
        with pytest.raises(InvalidRequest) as refused:
            await closures.close(command, database, CATALOG, dry_run=False)
        assert [name for name, _ in refused.value.rules] == [field]


async def test_bookings_racing_a_closure_are_refused_or_listed_never_missed(database):
    for day in range(12):
        attempts = [
            book(database, space, at(day, 10), at(day, 12))
            for space in ("room-a", "room-b", "room-c", "vip-hall", "experience-center")
        ]
        attempts.insert(
            day % 6, closures.close(closure(None, at(day, 8), at(day, 22)), database, CATALOG, False)
        )
        results = await asyncio.gather(*attempts, return_exceptions=True)
        [outcome] = [r for r in results if isinstance(r, closures.ClosureOutcome)]
        accepted = {r.booking_id for r in results if hasattr(r, "booking_id")}
        refused = [r for r in results if isinstance(r, BaseException)]
        assert all(isinstance(r, InvalidBooking) for r in refused), refused
        assert {row["id"] for row in outcome.hits} == accepted  # every booking that got in is listed
        assert len(accepted) + len(refused) == 5


async def test_a_layout_change_grows_the_setup_after_and_the_teardown_before(database):
    await book(database, "multifunctional-hall", at(0, 10), at(0, 14))  # theater, held 09:30-14:30
    with pytest.raises(SlotTaken):  # banquet needs 90 min of changeover after 14:30
        await book(database, "multifunctional-hall", at(0, 15.5), at(0, 18), layout="banquet")
    banquet = await book(database, "multifunctional-hall", at(0, 16), at(0, 18), layout="banquet")
    blocked = await database.pool.fetchval(
        "SELECT lower(blocked) FROM bookings WHERE id = $1", banquet.booking_id
    )
    assert blocked == at(0, 14.5)
    # the same layout needs only the space's own 30 min
    await book(database, "multifunctional-hall", at(1, 15), at(1, 18))
    await book(database, "multifunctional-hall", at(1, 10), at(1, 14))
    # a booking placed before another layout keeps the changeover free in its teardown
    await book(database, "multifunctional-hall", at(2, 12), at(2, 14))  # theater, held from 11:30
    with pytest.raises(SlotTaken):
        await book(database, "multifunctional-hall", at(2, 8.5), at(2, 10.5), layout="banquet")
    early = await book(database, "multifunctional-hall", at(2, 8), at(2, 10), layout="banquet")
    blocked = await database.pool.fetchval(
        "SELECT upper(blocked) FROM bookings WHERE id = $1", early.booking_id
    )
    assert blocked == at(2, 11.5)


async def test_neighbours_in_other_layouts_booked_at_the_same_moment_never_both_get_in(database):
    # alone, each fits; together the banquet lacks its changeover: the read under the lock must see it
    for day in range(15):
        results = await asyncio.gather(
            book(database, "multifunctional-hall", at(day, 10), at(day, 12)),
            book(database, "multifunctional-hall", at(day, 13), at(day, 15), layout="banquet"),
            return_exceptions=True,
        )
        assert sum(not isinstance(r, BaseException) for r in results) == 1, results
        assert all(isinstance(r, SlotTaken) for r in results if isinstance(r, BaseException))


async def test_availability_agrees_with_the_create_path(database):
    await book(database, "room-a", at(0, 14), at(0, 18))
    await book(database, "multifunctional-hall", at(0, 10), at(0, 14), layout="banquet")
    await closures.close(closure("room-c", at(0, 8), at(1, 0)), database, CATALOG, dry_run=False)
    query = Query("theater", 100, timedelta(hours=2), at(0, 0), at(1, 0))
    found = {s.space.id: s.windows for s in await availability(query, database, CATALOG, NOW)}
    assert [(w.starts_at, w.latest_start) for w in found["room-a"]] == [
        (at(0, 8), at(0, 11)),
        (at(0, 19), at(0, 20)),
    ]
    assert found["room-c"] == [] and found["room-bc"] == [] and found["room-abc"] == []
    assert [(w.starts_at, w.latest_start) for w in found["multifunctional-hall"]] == [(at(0, 16), at(0, 20))]
    with pytest.raises(SlotTaken):  # half an hour before the window: the changeover is not over
        await book(database, "multifunctional-hall", at(0, 15.5), at(0, 17.5))
    await book(database, "multifunctional-hall", at(0, 16), at(0, 18))
    await book(database, "room-a", at(0, 11), at(0, 13))
    with pytest.raises(InvalidRequest):
        await availability(
            Query("theater", 1, timedelta(hours=2), at(0, 0), at(100, 0)), database, CATALOG, NOW
        )
