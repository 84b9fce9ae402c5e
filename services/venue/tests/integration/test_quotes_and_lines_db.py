"""Quotes stored and kept by bookings; network lines held without overlap under concurrency."""

import asyncio
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from services.venue.domain.access import Role
from services.venue.domain.booking import Interval
from services.venue.domain.catalog import load_catalog
from services.venue.domain.quotes import QuoteRequest
from services.venue.domain.rates import load_rate_card
from services.venue.handlers import quotes as quoting
from services.venue.handlers.errors import Invalid, NotFound
from services.venue.tests.integration.addon_support import insert_booking, new_account

pytestmark = pytest.mark.integration

CATALOG, RATES = load_catalog(), load_rate_card()
NOW = datetime.now(UTC)
DAY = (NOW + timedelta(days=60)).replace(hour=1, minute=0, second=0, microsecond=0)  # 09:00 in Shanghai
EVENT = Interval(DAY, DAY + timedelta(hours=4))


def quote_request(**changes) -> QuoteRequest:
    fields = {
        "space_id": "room-a",
        "layout": "theater",
        "starts_at": EVENT.starts_at,
        "ends_at": EVENT.ends_at,
        "attendees": 100,
        "catering_menu": "tea-break",
        "catering_headcount": 100,
        "network_lines": 1,
    }
    return QuoteRequest(**{**fields, **changes})


async def make_quote(database, principal, **changes):
    body = {"space_id": "room-a", "note": "the body as posted"}
    return await quoting.create_quote(
        database, CATALOG, RATES, 4, principal, quote_request(**changes), body, NOW
    )


async def test_a_quote_is_stored_for_its_owner_and_hidden_from_other_organizers(database):
    ann, bob = (
        await new_account(database.pool, Role.ORGANIZER),
        await new_account(database.pool, Role.ORGANIZER),
    )
    staff = await new_account(database.pool, Role.STAFF, "Sam")
    row = await make_quote(database, ann)
    assert row["owner_id"] == ann.account_id and row["currency"] == "CNY"
    half_day, tea, line = RATES.spaces["room-a"].half_day, 100 * 4800, RATES.network_line_per_day
    assert row["total_minor"] == half_day + tea + line
    assert [item["item"] for item in row["items"]] == ["space", "catering", "network-lines"]
    assert row["valid_until"] - row["created_at"] > timedelta(days=13)
    assert (await quoting.get_quote(database, ann, row["id"]))["id"] == row["id"]
    assert (await quoting.get_quote(database, staff, row["id"]))["request"] == {
        "space_id": "room-a",
        "note": "the body as posted",
    }
    with pytest.raises(NotFound):
        await quoting.get_quote(database, bob, row["id"])


async def test_a_request_that_breaks_a_rule_is_not_stored(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    with pytest.raises(Invalid) as refused:
        await make_quote(database, ann, attendees=500, network_lines=9)
    assert {v.field for v in refused.value.violations} == {"attendees", "network_lines"}
    assert await database.pool.fetchval("SELECT count(*) FROM quotes") == 0


async def test_a_booking_keeps_a_fitting_quote_and_refuses_others(database):
    ann, bob = (
        await new_account(database.pool, Role.ORGANIZER),
        await new_account(database.pool, Role.ORGANIZER),
    )
    quote = await make_quote(database, ann)
    booking_id = await insert_booking(database.pool, ann, EVENT.starts_at, EVENT.ends_at, status="pending")
    other_time = await make_quote(database, ann, ends_at=EVENT.ends_at + timedelta(hours=1))
    bobs = await make_quote(database, bob)
    async with database.transaction() as unit:
        for refused, reason in ((other_time, "another space or time"), (bobs, "no such quote")):
            violations = await unit.quotes.attach_quote(booking_id, refused["id"], NOW)
            assert [(v.field, reason in v.reason) for v in violations] == [("quote_id", True)]
        assert (
            "expired"
            in (await unit.quotes.attach_quote(booking_id, quote["id"], NOW + timedelta(days=15)))[0].reason
        )
        assert await unit.quotes.attach_quote(booking_id, quote["id"], NOW) == []
    kept = await quoting.quote_of_booking(database, ann, booking_id)
    assert kept["id"] == quote["id"]
    with pytest.raises(NotFound):
        await quoting.quote_of_booking(database, bob, booking_id)


async def lineless_booking(database, organizer):
    """A booking without a hall hold, so that many can share a time."""
    return await insert_booking(database.pool, organizer, EVENT.starts_at, EVENT.ends_at, "pending", units=())


async def reserve(database, booking_id, count, interval=EVENT):
    async with database.transaction() as unit:
        return await unit.network_lines.reserve_lines(booking_id, count, interval)


async def test_lines_are_taken_all_or_nothing_and_freed_on_release(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    first, second, third, later = [await lineless_booking(database, ann) for _ in range(4)]
    assert await reserve(database, first, 2) == ["intl-line-1", "intl-line-2"]
    assert await reserve(database, first, 2) == ["intl-line-1", "intl-line-2"]  # a retry gets the same
    assert await reserve(database, second, 3) is None  # only two are free: nothing is held
    assert (
        await database.pool.fetchval("SELECT count(*) FROM network_line_holds WHERE booking_id = $1", second)
        == 0
    )
    assert await reserve(database, second, 2) == ["intl-line-3", "intl-line-4"]
    overlapping = Interval(EVENT.ends_at - timedelta(minutes=30), EVENT.ends_at + timedelta(hours=2))
    assert await reserve(database, third, 1, overlapping) is None
    assert await reserve(database, later, 4, Interval(EVENT.ends_at, EVENT.ends_at + timedelta(hours=2))) == [
        f"intl-line-{n}" for n in range(1, 5)
    ]  # half-open: a hold ending at 13:00 does not overlap one starting at 13:00
    async with database.transaction() as unit:
        assert await unit.network_lines.release_lines(first) == ["intl-line-1", "intl-line-2"]
        assert await unit.network_lines.release_lines(first) == []
    assert await reserve(database, third, 1, overlapping) is None  # `later` holds all four after 13:00
    assert await reserve(database, third, 2) == ["intl-line-1", "intl-line-2"]


async def test_ten_concurrent_requests_for_the_last_line_one_wins(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    holder = await lineless_booking(database, ann)
    assert await reserve(database, holder, 3) == ["intl-line-1", "intl-line-2", "intl-line-3"]
    contenders = [await lineless_booking(database, ann) for _ in range(10)]
    started = asyncio.Barrier(len(contenders))

    async def contend(booking_id):
        async with database.transaction() as unit:
            await started.wait()  # every transaction is open before any of them asks
            lines = await unit.network_lines.reserve_lines(booking_id, 1, EVENT)
            await asyncio.sleep(0.05)  # the rest of a booking's transaction: keep the window wide
            return lines

    results = await asyncio.gather(*(contend(booking_id) for booking_id in contenders))
    assert [lines for lines in results if lines is not None] == [["intl-line-4"]]
    assert results.count(None) == 9
    assert await database.pool.fetchval("SELECT count(*) FROM network_line_holds") == 4


async def test_the_database_refuses_an_overlapping_line_hold_whatever_the_code_does(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    one, two = [await lineless_booking(database, ann) for _ in range(2)]
    await reserve(database, one, 1)
    with pytest.raises(asyncpg.ExclusionViolationError):
        await database.pool.execute(
            "INSERT INTO network_line_holds VALUES ($1, 'intl-line-1', tstzrange($2, $3))",
            two,
            EVENT.starts_at + timedelta(hours=1),
            EVENT.ends_at + timedelta(hours=1),
        )
