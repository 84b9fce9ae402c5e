"""Recurring series on a real PostgreSQL: previews hold nothing, all-or-nothing holds nothing on a
conflict, skip-conflicts holds the rest, racing series never double-book, partial cancellation charges
each occurrence by the tiers, and the calendar feed expands back to the occurrences that take place."""

import asyncio
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from services.venue.adapters.pricing import booking_price
from services.venue.domain.access import Principal, Role
from services.venue.domain.cancellation import DEFAULT_TIERS, fee_percent
from services.venue.domain.rates import load_rate_card
from services.venue.domain.series import expand
from services.venue.handlers.booking import create_booking
from services.venue.handlers.calendars import series_calendar_text
from services.venue.handlers.errors import Invalid
from services.venue.handlers.series import (
    SeriesRefused,
    SeriesRequest,
    create_series,
    preview_series,
    series_of,
)
from services.venue.handlers.series_changes import SeriesScope, cancel_in_series, change_in_series
from services.venue.tests.integration.test_booking_saga_db import CATALOG, SETTINGS, booking
from services.venue.tests.integration.test_holds_waitlist import for_organizer, organizer

pytestmark = pytest.mark.integration

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime.now(UTC)


def tuesday(weeks_ahead: int) -> datetime:
    today = NOW.astimezone(SHANGHAI).date()
    day = today + timedelta(days=(1 - today.weekday()) % 7 + 7 * weeks_ahead)
    return datetime(day.year, day.month, day.day, 14, tzinfo=SHANGHAI)


def days_ahead(days: int) -> datetime:
    day = NOW.astimezone(SHANGHAI).date() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, 14, tzinfo=SHANGHAI)


async def series_request(
    database, rule="FREQ=WEEKLY;COUNT=4;BYDAY=TU", mode="all_or_nothing", weeks=4, start=None
):
    organizer_id = await organizer(database, "Trainer")
    start = start or tuesday(weeks)
    first = booking("room-a", start, start + timedelta(hours=3), title="Weekly training")
    first = for_organizer(first, organizer_id)
    recurrence = expand(rule, first.request.starts_at, first.request.ends_at, SHANGHAI, 52)
    return SeriesRequest(first, recurrence, mode, "Asia/Shanghai")


async def count(database, table):
    return await database.pool.fetchval(f"SELECT count(*) FROM {table}")


async def block_third(database, request):
    third = request.recurrence.occurrences[2]
    other = booking("room-a", third.starts_at, third.ends_at, title="Someone else")
    return await create_booking(other, database, CATALOG, SETTINGS, NOW)


async def test_a_preview_lists_each_occurrence_and_holds_nothing(database):
    request = await series_request(database)
    await block_third(database, request)
    published = await count(database, "outbox")
    outcomes = await preview_series(database, request, CATALOG, SETTINGS, NOW)
    assert [o.free for o in outcomes] == [True, True, False, True]
    assert outcomes[2].conflict == "taken" and "room-a" in outcomes[2].reason
    assert await count(database, "bookings") == 1
    assert await count(database, "booking_series") == 0
    assert await count(database, "outbox") == published


async def test_all_or_nothing_refuses_the_whole_series_and_skip_holds_the_rest(database):
    request = await series_request(database)
    await block_third(database, request)
    with pytest.raises(SeriesRefused) as refused:
        await create_series(database, request, CATALOG, SETTINGS, NOW)
    assert [o.free for o in refused.value.outcomes] == [True, True, False, True]
    assert await count(database, "bookings") == 1 and await count(database, "space_holds") == 1

    series_id, outcomes = await create_series(
        database, replace(request, mode="skip_conflicts"), CATALOG, SETTINGS, NOW
    )
    assert [o.status for o in outcomes] == ["confirmed", "confirmed", None, "confirmed"]
    booked = await database.pool.fetch(
        "SELECT id FROM bookings WHERE series_id = $1 ORDER BY starts_at", series_id
    )
    assert [row["id"] for row in booked] == [o.booking_id for o in outcomes if o.booking_id]
    staff = Principal(uuid.uuid4(), Role.STAFF, "Desk", "d@example.org", "en", "UTC")
    _, rows = await series_of(database, staff, series_id)
    assert [row["reason"] is not None for row in rows] == [False, False, True, False]


async def test_a_closure_and_the_booking_horizon_are_conflicts_too(database):
    request = await series_request(database, rule="FREQ=MONTHLY;COUNT=20", weeks=2)
    second = request.recurrence.occurrences[1]
    await database.pool.execute(
        "INSERT INTO closures (id, space_id, starts_at, ends_at, reason) VALUES ($1, 'room-a', $2, $3, 'Repairs')",
        closure_id := uuid.uuid4(),
        second.starts_at - timedelta(hours=1),
        second.ends_at,
    )
    await database.pool.execute(
        "INSERT INTO closure_blocks (closure_id, unit, during) VALUES ($1, 'room-a', tstzrange($2, $3))",
        closure_id,
        second.starts_at - timedelta(hours=1),
        second.ends_at,
    )
    outcomes = await preview_series(database, request, CATALOG, SETTINGS, NOW)
    assert outcomes[1].conflict == "closed" and "Repairs" in outcomes[1].reason
    beyond = [o for o in outcomes if o.occurrence.starts_at > NOW + CATALOG.venue.max_advance]
    assert beyond and all(o.conflict == "rule" and "days ahead" in o.reason for o in beyond)


async def test_two_series_racing_for_the_same_slots_never_double_book(database):
    first = await series_request(database, mode="skip_conflicts")
    other_organizer = await organizer(database, "Rival")
    rival = replace(first, first=for_organizer(first.first, other_organizer))
    results = await asyncio.gather(
        create_series(database, first, CATALOG, SETTINGS, NOW),
        create_series(database, rival, CATALOG, SETTINGS, NOW),
        return_exceptions=True,
    )
    made = [r for r in results if not isinstance(r, BaseException)]
    assert made and all(isinstance(r, SeriesRefused) for r in results if isinstance(r, BaseException))
    held = [o for _, outcomes in made for o in outcomes if o.booking_id]
    assert sorted(o.occurrence.position for o in held) == [0, 1, 2, 3]  # each slot held exactly once
    overlapping = await database.pool.fetchval(
        "SELECT count(*) FROM space_holds a JOIN space_holds b ON a.unit = b.unit AND a.during && b.during"
        " AND a.booking_id < b.booking_id"
    )
    assert overlapping == 0


async def test_cancelling_this_and_following_charges_each_occurrence_and_the_feed_skips_them(database):
    request = await series_request(database, "FREQ=DAILY;COUNT=20", "skip_conflicts", start=days_ahead(2))
    await block_third(database, request)
    series_id, outcomes = await create_series(database, request, CATALOG, SETTINGS, NOW)
    owner = Principal(request.first.organizer_id, Role.ORGANIZER, "Trainer", "t@example.org", "en", "UTC")
    price_of = booking_price(database.pool, CATALOG, load_rate_card())
    moment = datetime.now(UTC)
    done = await cancel_in_series(
        database,
        owner,
        series_id,
        SeriesScope("this_and_following", outcomes[1].booking_id),
        "course moved online",
        moment,
        CATALOG,
        SETTINGS,
        DEFAULT_TIERS,
        price_of,
    )
    following = [o.booking_id for o in outcomes[1:] if o.booking_id]
    assert [d.booking_id for d in done] == following and len(following) == 18
    for d in done:
        assert d.cancellation is not None
        assert d.cancellation.fee_percent == fee_percent(d.starts_at, moment, DEFAULT_TIERS)
        assert (
            d.cancellation.fee_minor
            == (d.cancellation.fee_base_minor * d.cancellation.fee_percent + 50) // 100
        )
    assert {d.cancellation.fee_percent for d in done} == {50, 0}  # 3 days ahead costs half, 2 weeks nothing

    # the first occurrence moved an hour later since (as a change would leave it)
    first = outcomes[0]
    await database.pool.execute(
        "UPDATE bookings SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour'"
        " WHERE id = $1",
        first.booking_id,
    )
    text = await series_calendar_text(database, owner, CATALOG, series_id, NOW)
    feed = icalendar.Calendar.from_ical(text)
    events = [c for c in feed.walk("VEVENT")]
    master = next(e for e in events if "RRULE" in e)
    override = next(e for e in events if "RECURRENCE-ID" in e)
    assert override.decoded("RECURRENCE-ID") == first.occurrence.starts_at
    assert override.decoded("DTSTART") == first.occurrence.starts_at + timedelta(hours=1)
    unfolded = text.replace("\r\n ", "")
    master_block = unfolded[unfolded.index("BEGIN:VEVENT") : unfolded.index("END:VEVENT")].split("\r\n")
    lines = [line for line in master_block if line.startswith(("DTSTART", "RRULE", "EXDATE"))]
    expanded = list(rrulestr("\n".join(lines), forceset=True))
    assert expanded == [outcomes[0].occurrence.starts_at]  # the rest cancelled, the third never made
    assert master.decoded("DTSTART") == request.recurrence.occurrences[0].starts_at
    exdate = master.get("EXDATE")
    exdates = [d.dt for entry in (exdate if isinstance(exdate, list) else [exdate]) for d in entry.dts]
    assert sorted(exdates) == [o.occurrence.starts_at for o in outcomes[1:]]
    assert {str(e["UID"]) for e in events} == {f"{series_id}@wict"}


async def test_nobody_else_reads_an_organizers_series(database):
    request = await series_request(database, mode="skip_conflicts")
    series_id, _ = await create_series(database, request, CATALOG, SETTINGS, NOW)
    stranger = Principal(uuid.uuid4(), Role.ORGANIZER, "B", "b@example.org", "en", "UTC")
    with pytest.raises(Exception, match="does not exist"):
        await series_of(database, stranger, series_id)
    with pytest.raises(Exception, match="does not exist"):
        await series_calendar_text(database, stranger, CATALOG, series_id, NOW)


async def test_moving_this_and_following_moves_each_booking_and_the_feed_overrides_them(database):
    request = await series_request(database, mode="skip_conflicts")
    series_id, outcomes = await create_series(database, request, CATALOG, SETTINGS, NOW)
    owner = Principal(request.first.organizer_id, Role.ORGANIZER, "Trainer", "t@example.org", "en", "UTC")
    anchor = outcomes[2]
    later = {
        "starts_at": anchor.occurrence.starts_at + timedelta(hours=1),
        "ends_at": anchor.occurrence.ends_at + timedelta(hours=1),
    }
    done = await change_in_series(
        database,
        owner,
        series_id,
        SeriesScope("this_and_following", anchor.booking_id),
        later,
        NOW,
        CATALOG,
        SETTINGS,
    )
    assert [d.booking_id for d in done] == [outcomes[2].booking_id, outcomes[3].booking_id]
    assert all(d.change is not None and d.change.state == "applied" for d in done)
    for outcome in outcomes:
        row = await database.pool.fetchrow(
            "SELECT starts_at, ends_at FROM bookings WHERE id = $1", outcome.booking_id
        )
        moved = timedelta(hours=1) if outcome.occurrence.position >= 2 else timedelta()
        assert (row["starts_at"], row["ends_at"]) == (
            outcome.occurrence.starts_at + moved,
            outcome.occurrence.ends_at + moved,
        )
    feed = icalendar.Calendar.from_ical(await series_calendar_text(database, owner, CATALOG, series_id, NOW))
    overrides = {
        e.decoded("RECURRENCE-ID"): e.decoded("DTSTART") for e in feed.walk("VEVENT") if "RECURRENCE-ID" in e
    }
    assert overrides == {
        o.occurrence.starts_at: o.occurrence.starts_at + timedelta(hours=1) for o in outcomes[2:]
    }
    with pytest.raises(Invalid):
        await change_in_series(
            database, owner, series_id, SeriesScope("one", None), later, NOW, CATALOG, SETTINGS
        )
