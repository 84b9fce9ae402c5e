"""Free windows: holds with their buffers and changeovers, closures, capacity, calendar rules.

The last test checks the arithmetic against the create path's own rules, start by start."""

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.venue.domain.availability import Query, busy_times, free_windows, query_rules
from services.venue.domain.capacity import FloorNeeds
from services.venue.domain.catalog import load_catalog
from services.venue.domain.changeover import Block, closures_hit, hold_for, margin
from services.venue.domain.schedule import time_rules

pytestmark = pytest.mark.unit

CATALOG = load_catalog()
VENUE = CATALOG.venue
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
MARGIN = margin(CATALOG)
NO_NEEDS = FloorNeeds()


def at(day: int, hour: float) -> datetime:
    return datetime(2027, 3, day, int(hour), int(hour % 1 * 60), tzinfo=SHANGHAI)


class Calendar:
    """Holds placed the way the create path places them (refused when they would overlap)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def book(self, space_id: str, layout: str, start: datetime, end: datetime) -> bool:
        space = CATALOG.space(space_id)
        assert space is not None
        hold = hold_for(space, layout, start, end, self.blocks, VENUE)
        if any(
            b.unit in space.units and b.starts_at < hold.ends_at and hold.starts_at < b.ends_at
            for b in self.blocks
        ):
            return False
        self.blocks += [Block(unit, hold.starts_at, hold.ends_at, layout, start) for unit in space.units]
        return True

    def close(self, units: list[str], start: datetime, end: datetime) -> None:
        closure_id = object()
        self.blocks += [Block(unit, start, end, closure_id=closure_id, reason="works") for unit in units]

    def windows(
        self,
        layout="theater",
        attendees=100,
        duration=timedelta(hours=2),
        first=2,
        last=2,
        now=NOW,
        needs=NO_NEEDS,
        catalog=CATALOG,
    ):
        query = Query(layout, attendees, duration, at(first, 0), at(last + 1, 0), needs)
        found = free_windows(query, catalog, busy_times(self.blocks), now, MARGIN)
        return {
            found.space.id: [(w.starts_at, w.latest_start, w.ends_at) for w in found.windows]
            for found in found
        }


def test_an_empty_day_offers_every_space_that_fits_from_opening_to_closing():
    windows = Calendar().windows()
    assert set(windows) == {
        "multifunctional-hall",
        "room-a",
        "room-b",
        "room-c",
        "room-ab",
        "room-bc",
        "room-abc",
    }
    assert windows["room-a"] == [(at(2, 8), at(2, 20), at(2, 22))]


def test_a_hold_and_its_buffers_cut_the_space_and_every_combination_sharing_its_room():
    calendar = Calendar()
    assert calendar.book("room-a", "theater", at(2, 14), at(2, 18))  # holds 13:30-18:30
    windows = calendar.windows()
    assert windows["room-a"] == [(at(2, 8), at(2, 11), at(2, 13)), (at(2, 19), at(2, 20), at(2, 22))]
    # A+B needs 45 min each side: ends by 12:45, starts from 19:15, on the 30-minute grid
    assert windows["room-ab"] == [(at(2, 8), at(2, 10.5), at(2, 12.5)), (at(2, 19.5), at(2, 20), at(2, 22))]
    assert windows["room-c"] == [(at(2, 8), at(2, 20), at(2, 22))]


def test_a_layout_change_needs_the_changeover_time_on_both_sides():
    calendar = Calendar()
    assert calendar.book("multifunctional-hall", "theater", at(2, 10), at(2, 14))  # holds 09:30-14:30
    one_hour = timedelta(hours=1)
    assert calendar.windows("theater", duration=one_hour)["multifunctional-hall"][1][0] == at(2, 15)
    banquet = calendar.windows("banquet", duration=one_hour)["multifunctional-hall"]
    assert banquet == [(at(2, 16), at(2, 21), at(2, 22))]  # 90 min changeover after; none fits before
    assert not calendar.book("multifunctional-hall", "banquet", at(2, 15.5), at(2, 17))
    assert calendar.book("multifunctional-hall", "banquet", at(2, 16), at(2, 17))


def test_a_booking_placed_before_another_layout_grows_its_teardown():
    calendar = Calendar()
    assert calendar.book("multifunctional-hall", "theater", at(2, 12), at(2, 14))  # holds 11:30-14:30
    space = CATALOG.space("multifunctional-hall")
    hold = hold_for(space, "banquet", at(2, 8), at(2, 10), calendar.blocks, VENUE)
    # banquet ends 10:00, its load-out until 10:30, then 90 min changeover to theater before 12:00
    assert hold.ends_at == at(2, 11.5)  # 30 min teardown + the 60 the theater's own setup lacks
    assert not calendar.book("multifunctional-hall", "banquet", at(2, 8.5), at(2, 10.5))
    assert calendar.book("multifunctional-hall", "banquet", at(2, 8), at(2, 10))


def test_closures_block_every_space_on_their_units_and_are_named_by_the_create_path():
    calendar = Calendar()
    calendar.close(["room-b"], at(2, 12), at(2, 15))
    windows = calendar.windows()
    assert windows["room-a"] == [(at(2, 8), at(2, 20), at(2, 22))]
    assert windows["room-b"] == [(at(2, 8), at(2, 9.5), at(2, 11.5)), (at(2, 15.5), at(2, 20), at(2, 22))]
    assert len(windows["room-abc"]) == 2
    abc = CATALOG.space("room-abc")
    hit = closures_hit(
        hold_for(abc, "theater", at(2, 15.5), at(2, 17), calendar.blocks, VENUE), abc.units, calendar.blocks
    )
    assert [block.reason for block in hit] == ["works"]  # 15:30 minus 60 min setup reaches into it
    assert not closures_hit(
        hold_for(abc, "theater", at(2, 16), at(2, 17), calendar.blocks, VENUE), abc.units, calendar.blocks
    )
    assert not closures_hit(
        hold_for(abc, "theater", at(2, 13), at(2, 14), [], VENUE), ["room-a"], calendar.blocks
    )


def test_only_spaces_with_the_net_capacity_are_offered():
    assert set(Calendar().windows(attendees=250)) == {
        "multifunctional-hall",
        "room-ab",
        "room-bc",
        "room-abc",
    }
    needs = FloorNeeds(booths=2, buffet_guests=100)  # 25.6 + 60 m²: A+B keeps 234 of 320 theater seats
    assert set(Calendar().windows(attendees=250, needs=needs)) == {"multifunctional-hall", "room-abc"}


def test_notice_and_horizon_cut_the_first_and_last_days():
    now = at(1, 10).astimezone(UTC)  # 24 h notice: from 10:00 on the 2nd
    assert Calendar().windows(now=now)["room-a"] == [(at(2, 10), at(2, 20), at(2, 22))]
    now = at(2, 12).astimezone(UTC) - timedelta(days=540)  # the horizon ends at 12:00 on the 2nd
    assert Calendar().windows(now=now)["room-a"] == [(at(2, 8), at(2, 12), at(2, 14))]


def test_multi_day_windows_start_and_end_within_opening_hours_and_stay_blocked_overnight():
    calendar = Calendar()
    assert calendar.book("room-a", "theater", at(3, 14), at(3, 18))
    windows = calendar.windows(duration=timedelta(hours=26), first=2, last=5)
    assert windows["room-c"] == [(at(day, 8), at(day, 20), at(day + 1, 22)) for day in (2, 3, 4)]
    assert windows["room-a"] == [
        (at(2, 8), at(2, 11), at(3, 13)),
        (at(3, 19), at(3, 20), at(4, 22)),
        (at(4, 8), at(4, 20), at(5, 22)),
    ]


def test_a_venue_in_a_daylight_saving_zone_opens_at_the_same_wall_clock_time():
    berlin = ZoneInfo("Europe/Berlin")
    catalog = msgspec.structs.replace(
        CATALOG, venue=msgspec.structs.replace(VENUE, time_zone="Europe/Berlin")
    )
    query = Query(
        "theater",
        100,
        timedelta(hours=2),
        datetime(2027, 3, 27, tzinfo=berlin),
        datetime(2027, 3, 29, tzinfo=berlin),
    )
    [found] = [s for s in free_windows(query, catalog, [], NOW, MARGIN) if s.space.id == "room-a"]
    assert [w.starts_at for w in found.windows] == [
        datetime(2027, 3, 27, 7, tzinfo=UTC),
        datetime(2027, 3, 28, 6, tzinfo=UTC),
    ]
    assert [w.ends_at for w in found.windows] == [
        datetime(2027, 3, 27, 21, tzinfo=UTC),
        datetime(2027, 3, 28, 20, tzinfo=UTC),
    ]


def test_bad_queries_name_the_parameter():
    def fields(**changes) -> list[str]:
        values = dict(
            layout="theater",
            attendees=10,
            duration=timedelta(hours=2),
            starts_from=at(2, 0),
            ends_by=at(3, 0),
        )
        values.update(changes)
        return [name for name, _ in query_rules(Query(**values), CATALOG)]

    assert fields() == []
    assert fields(ends_by=at(2, 0)) == ["to"]
    assert fields(ends_by=at(2, 0) + timedelta(days=93)) == ["to"]
    assert fields(duration=timedelta(minutes=30)) == ["duration"]
    assert fields(duration=timedelta(minutes=75)) == ["duration"]  # off the 30-minute grid
    assert fields(layout="ballroom") == ["layout"]
    assert fields(space_id="nowhere") == ["space_id"]


@pytest.mark.parametrize("seed", range(6))
def test_every_start_in_a_window_is_bookable_and_no_other_is(seed):
    rng = random.Random(seed)
    layouts = ["theater", "classroom", "boardroom", "banquet", "reception", "exhibition"]
    calendar = Calendar()
    for _ in range(40):
        space = rng.choice(CATALOG.spaces)
        start = at(rng.choice([2, 3]), rng.randrange(16, 40) / 2)
        calendar.book(
            space.id,
            rng.choice(list(space.layouts)),
            start,
            start + timedelta(minutes=30 * rng.randint(2, 8)),
        )
    calendar.close([rng.choice(["room-b", "vip-hall", "public-exhibition"])], at(2, 12), at(2, 15))
    for layout in layouts:
        duration = timedelta(minutes=30 * rng.randint(2, 10))
        offered = calendar.windows(layout, attendees=20, duration=duration, first=2, last=3)
        for space in CATALOG.spaces:
            if layout not in space.layouts or space.id not in offered:
                continue
            starts = [at(2, 0) + timedelta(minutes=30 * n) for n in range(2 * 48)]
            for start in starts:
                in_window = any(first <= start <= latest for first, latest, _ in offered[space.id])
                assert in_window == bookable(calendar, space.id, layout, start, duration, at(4, 0)), (
                    space.id,
                    layout,
                    start,
                    duration,
                )


def bookable(
    calendar: Calendar, space_id: str, layout: str, start: datetime, duration: timedelta, period_end: datetime
) -> bool:
    space = CATALOG.space(space_id)
    end = start + duration
    if time_rules(start, end, VENUE, NOW) or end > period_end:
        return False
    hold = hold_for(space, layout, start, end, calendar.blocks, VENUE)
    return not any(
        b.unit in space.units and b.starts_at < hold.ends_at and hold.starts_at < b.ends_at
        for b in calendar.blocks
    )


def test_the_margin_covers_the_longest_changeover_and_buffer():
    assert margin(CATALOG) == timedelta(minutes=120 + 60)
    assert date(2027, 3, 2) == at(2, 12).date()


@pytest.mark.parametrize("seed", range(3))
def test_a_packed_calendar_offers_exactly_the_bookable_starts_left_between_its_bookings(seed):
    """Most gaps of a busy calendar are too short or lie where no start is allowed (nights, the last
    hours of a day): the arithmetic skips them before looking up their neighbours; every start it
    still offers, and only those, must be bookable."""
    rng = random.Random(100 + seed)
    calendar = Calendar()
    for _ in range(150):
        space = rng.choice(CATALOG.spaces)
        start = at(rng.choice([2, 3]), rng.randrange(14, 46) / 2)
        length = timedelta(minutes=30 * rng.randint(1, 4))
        calendar.book(space.id, rng.choice(list(space.layouts)), start, start + length)
    for layout in ["theater", "boardroom", "reception"]:
        duration = timedelta(minutes=30 * rng.randint(2, 6))  # the venue's shortest event: an hour
        offered = calendar.windows(layout, attendees=10, duration=duration, first=2, last=3)
        for space in CATALOG.spaces:
            if layout not in space.layouts:
                continue
            for start in [at(2, 0) + timedelta(minutes=30 * n) for n in range(2 * 48)]:
                windows = offered.get(space.id, [])
                in_window = any(first <= start <= latest for first, latest, _ in windows)
                assert in_window == bookable(calendar, space.id, layout, start, duration, at(4, 0)), (
                    space.id,
                    layout,
                    start,
                    duration,
                )
