from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.venue.domain.booking import BookingRequest, Interval, blocked_interval, check, overlaps
from services.venue.domain.catalog import load_catalog

pytestmark = pytest.mark.unit

CATALOG = load_catalog()
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, 3, day, hour, minute, tzinfo=SHANGHAI)


def request(**changes) -> BookingRequest:
    values = dict(
        space_id="room-a",
        layout="theater",
        starts_at=at(2, 14),
        ends_at=at(2, 18),
        attendees=100,
        time_zone="Europe/Berlin",
    )
    values.update(changes)
    return BookingRequest(**values)


def fields(violations) -> list[str]:
    return [violation.field for violation in violations]


def test_a_valid_request_breaks_no_rule():
    assert check(request(), CATALOG, NOW) == []


def test_unknown_space_names_the_known_ones():
    [violation] = check(request(space_id="ballroom"), CATALOG, NOW)
    assert violation.field == "space_id" and "room-a" in violation.reason


def test_capacity_is_per_layout_and_names_the_limit():
    [violation] = check(request(layout="classroom", attendees=91), CATALOG, NOW)
    assert violation.field == "attendees" and "90" in violation.reason
    assert check(request(layout="classroom", attendees=90), CATALOG, NOW) == []


def test_layout_must_be_offered_by_the_space():
    assert fields(check(request(layout="banquet"), CATALOG, NOW)) == ["layout"]


def test_times_need_an_offset_an_order_and_the_future():
    assert fields(check(request(starts_at=datetime(2027, 3, 2, 14)), CATALOG, NOW)) == ["starts_at"]
    assert fields(check(request(ends_at=at(2, 14)), CATALOG, NOW)) == ["ends_at"]
    past = NOW.astimezone(SHANGHAI).replace(hour=8, minute=0) - timedelta(days=1)
    assert fields(check(request(starts_at=past, ends_at=past + timedelta(hours=2)), CATALOG, NOW)) == [
        "starts_at"
    ]


def test_granularity_and_opening_hours():
    assert fields(check(request(starts_at=at(2, 14, 10)), CATALOG, NOW)) == ["starts_at"]
    assert fields(check(request(starts_at=at(2, 7, 30)), CATALOG, NOW)) == ["starts_at"]
    assert fields(check(request(ends_at=at(2, 22, 30)), CATALOG, NOW)) == ["ends_at"]
    assert check(request(starts_at=at(2, 8), ends_at=at(2, 22)), CATALOG, NOW) == []


def test_service_rules():
    bad = check(
        request(
            time_zone="Mars/Olympus",
            floor_language="en",
            target_languages=("en", "zh"),
            catering_headcount=101,
        ),
        CATALOG,
        NOW,
    )
    assert fields(bad) == ["organizer.time_zone", "interpreting.target_languages", "catering.headcount"]


def test_the_blocked_interval_includes_setup_and_teardown():
    hall = CATALOG.space("public-exhibition")
    blocked = blocked_interval(hall, at(2, 10), at(2, 12))
    assert blocked == Interval(at(2, 9), at(2, 13))


def test_overlap_is_half_open():
    morning = Interval(at(2, 9), at(2, 12))
    assert not overlaps(morning, Interval(at(2, 12), at(2, 14)))
    assert overlaps(morning, Interval(at(2, 11, 30), at(2, 14)))


def test_combined_rooms_share_units_with_their_parts():
    assert set(CATALOG.space("room-ab").units) == {"room-a", "room-b"}
    assert set(CATALOG.space("room-abc").units) >= set(CATALOG.space("room-bc").units)


def test_space_names_fall_back_by_language_then_to_english():
    hall = CATALOG.space("multifunctional-hall")
    assert hall is not None
    assert hall.label("zh-CN") == hall.label("zh-Hans") == hall.label("zh") == "多功能厅"
    assert hall.label("de") == "Multifunctional Hall"
