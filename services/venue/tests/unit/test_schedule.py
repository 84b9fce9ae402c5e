"""The calendar rules: notice, horizon, durations, grid, opening hours, multi-day, DST."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.venue.domain.booking import BookingRequest, check
from services.venue.domain.catalog import load_catalog
from services.venue.domain.schedule import (
    ceil_to_grid,
    floor_to_grid,
    opening_times,
    parse_duration,
    time_rules,
)

pytestmark = pytest.mark.unit

CATALOG = load_catalog()
VENUE = CATALOG.venue
SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # 17:00 in Shanghai


def venue_in(zone: str):
    return msgspec.structs.replace(VENUE, time_zone=zone)


def shanghai(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def fields(starts_at: datetime, ends_at: datetime, venue=VENUE, now=NOW) -> list[str]:
    return [name for name, _ in time_rules(starts_at, ends_at, venue, now)]


def test_minimum_notice_names_the_earliest_start():
    tomorrow_morning = shanghai(2026, 11, 25, 10)  # 17 h ahead
    [(field, reason)] = time_rules(tomorrow_morning, tomorrow_morning + timedelta(hours=2), VENUE, NOW)
    assert field == "starts_at" and "24 hours" in reason and "2026-11-25 17:00 Asia/Shanghai" in reason
    assert fields(shanghai(2026, 11, 25, 18), shanghai(2026, 11, 25, 20)) == []  # 25 h ahead


def test_maximum_advance():
    assert fields(shanghai(2028, 5, 15, 14), shanghai(2028, 5, 15, 18)) == []  # 538 days
    [(field, reason)] = time_rules(shanghai(2028, 5, 18, 14), shanghai(2028, 5, 18, 18), VENUE, NOW)
    assert field == "starts_at" and "540 days" in reason


def test_minimum_and_maximum_duration():
    start = shanghai(2027, 3, 2, 10)
    assert fields(start, start + timedelta(minutes=30)) == ["ends_at"]
    assert fields(start, start + timedelta(minutes=60)) == []
    assert fields(start, start + timedelta(days=14)) == []
    [(field, reason)] = time_rules(start, start + timedelta(days=15), VENUE, NOW)
    assert field == "ends_at" and "14 days" in reason


def test_granularity_is_thirty_minutes_on_the_venue_clock():
    assert fields(shanghai(2027, 3, 2, 10, 15), shanghai(2027, 3, 2, 12)) == ["starts_at"]
    assert fields(shanghai(2027, 3, 2, 10), shanghai(2027, 3, 2, 12, 1)) == ["ends_at"]
    kathmandu = venue_in("Asia/Kathmandu")  # UTC+05:45: the grid follows the wall clock, not UTC
    start = datetime(2027, 3, 2, 10, 30, tzinfo=ZoneInfo("Asia/Kathmandu"))
    assert fields(start, start + timedelta(hours=2), kathmandu) == []


def test_multi_day_events_respect_opening_hours_on_the_first_and_last_day_only():
    assert fields(shanghai(2027, 3, 2, 10), shanghai(2027, 3, 4, 18)) == []
    assert fields(shanghai(2027, 3, 2, 21, 30), shanghai(2027, 3, 3, 9)) == []  # overnight set-up
    assert fields(shanghai(2027, 3, 2, 7, 30), shanghai(2027, 3, 4, 18)) == ["starts_at"]
    assert fields(shanghai(2027, 3, 2, 10), shanghai(2027, 3, 4, 7)) == ["ends_at"]
    assert fields(shanghai(2027, 3, 2, 10), shanghai(2027, 3, 4, 22, 30)) == ["ends_at"]
    assert fields(shanghai(2027, 3, 2, 22), shanghai(2027, 3, 3, 10)) == ["starts_at"]  # starts at closing
    assert fields(shanghai(2027, 3, 2, 10), shanghai(2027, 3, 3, 8)) == ["ends_at"]  # ends at opening


def test_an_organizer_in_europe_books_across_the_march_switch_in_their_own_offsets():
    # Europe switches to summer time on 2027-03-28; Shanghai does not.
    before = datetime(2027, 3, 27, 7, 0, tzinfo=BERLIN)  # CET, UTC+1
    after = datetime(2027, 3, 29, 8, 0, tzinfo=BERLIN)  # CEST, UTC+2
    assert before.astimezone(SHANGHAI) == shanghai(2027, 3, 27, 14)
    assert after.astimezone(SHANGHAI) == shanghai(2027, 3, 29, 14)
    assert fields(before, before + timedelta(hours=4)) == []
    assert fields(after, after + timedelta(hours=4)) == []
    # one event across the switch: 49 hours on the Berlin wall clock, 48 real hours
    assert after - before == timedelta(hours=49)  # Python's same-zone arithmetic: the wall clock
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=48)
    assert fields(before, after) == []
    request = BookingRequest(
        space_id="room-a",
        layout="theater",
        starts_at=before,
        ends_at=after,
        attendees=50,
        time_zone="Europe/Berlin",
    )
    assert check(request, CATALOG, NOW) == []


def test_opening_times_in_a_venue_with_daylight_saving_keep_the_wall_clock():
    berlin = venue_in("Europe/Berlin")
    [saturday, sunday] = opening_times(berlin, date(2027, 3, 27), date(2027, 3, 28))
    assert saturday == (datetime(2027, 3, 27, 7, tzinfo=UTC), datetime(2027, 3, 27, 21, tzinfo=UTC))
    assert sunday == (datetime(2027, 3, 28, 6, tzinfo=UTC), datetime(2027, 3, 28, 20, tzinfo=UTC))
    start = datetime(2027, 3, 28, 8, tzinfo=BERLIN)  # 06:00 UTC: open, although 07:00 UTC the day before
    assert fields(start, start + timedelta(hours=2), berlin) == []
    assert fields(start - timedelta(hours=1), start + timedelta(hours=2), berlin) == ["starts_at"]


def test_durations_are_real_time_even_for_times_in_one_zone_across_the_switch():
    berlin = venue_in("Europe/Berlin")
    start = datetime(2027, 3, 21, 10, tzinfo=BERLIN)
    end = datetime(2027, 4, 4, 11, tzinfo=BERLIN)  # 14 days + 1 h on the wall clock, 14 days real
    assert fields(start, end, berlin) == []
    assert fields(start, end + timedelta(minutes=30), berlin) == ["ends_at"]


def test_grid_rounding():
    at = shanghai(2027, 3, 2, 10, 10)
    assert ceil_to_grid(at, VENUE) == shanghai(2027, 3, 2, 10, 30)
    assert floor_to_grid(at, VENUE) == shanghai(2027, 3, 2, 10)
    assert ceil_to_grid(shanghai(2027, 3, 2, 10), VENUE) == floor_to_grid(shanghai(2027, 3, 2, 10), VENUE)
    kathmandu = venue_in("Asia/Kathmandu")
    quarter = datetime(2027, 3, 2, 10, 10, tzinfo=ZoneInfo("Asia/Kathmandu"))
    assert ceil_to_grid(quarter, kathmandu) == quarter.replace(minute=30)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("PT4H", 240),
        ("pt90m", 90),
        ("P2DT3H30M", 2 * 1440 + 210),
        ("P1W", 7 * 1440),
        ("P1D", 1440),
        ("240", 240),
    ],
)
def test_durations_in_iso_8601_or_minutes(text, minutes):
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["", "P", "PT", "P1DT", "4h", "-PT1H", "PT1.5H", "1 hour"])
def test_bad_durations_are_none(text):
    assert parse_duration(text) is None
