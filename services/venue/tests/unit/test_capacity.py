"""Net capacity: the floor mobile interpretation booths and a buffet take costs seats."""

from datetime import datetime
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.venue.domain.booking import BookingRequest, check
from services.venue.domain.capacity import FloorNeeds, buffet_floor_m2, floor_needs, net_capacity
from services.venue.domain.catalog import load_catalog

pytestmark = pytest.mark.unit

CATALOG = load_catalog()
FLOOR = CATALOG.venue.floor_use
ROOM_A = CATALOG.space("room-a")
HALL = CATALOG.space("multifunctional-hall")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("UTC"))


def seats(space, layout="theater", booths=0, buffet=0) -> int:
    capacity = net_capacity(space, layout, FLOOR, FloorNeeds(booths, buffet))
    assert capacity is not None
    return capacity.seats


def test_without_booths_or_buffet_the_layout_capacity_is_the_limit():
    capacity = net_capacity(ROOM_A, "theater", FLOOR, FloorNeeds())
    assert capacity is not None and capacity.seats == 160
    assert capacity.limit("room-a", "theater") == "room-a seats at most 160 in the theater layout"


def test_a_mobile_booth_takes_its_iso_4043_floor_with_clearance():
    assert FLOOR.mobile_booth.floor_m2 == pytest.approx(12.8)  # (2.5 + 1.5) × (1.7 + 1.5)
    assert seats(ROOM_A, booths=1) == 160 - 13  # 12.8 m² at 1.0 m² a theater seat
    assert seats(ROOM_A, "classroom", booths=2) == 90 - 15  # 25.6 m² at 1.8 m² a classroom seat


def test_a_buffet_takes_floor_per_guest_and_a_line_per_started_hundred():
    assert buffet_floor_m2(FLOOR, 0) == 0
    assert buffet_floor_m2(FLOOR, 80) == pytest.approx(40 + 10)
    assert buffet_floor_m2(FLOOR, 101) == pytest.approx(50.5 + 20)


def test_booths_and_buffet_together_and_the_limit_says_why():
    capacity = net_capacity(ROOM_A, "theater", FLOOR, FloorNeeds(booths=1, buffet_guests=80))
    assert capacity is not None and capacity.seats == 160 - 63  # ceil(12.8 + 50)
    assert capacity.limit("room-a", "theater").startswith(
        "room-a seats at most 97 in the theater layout with 1 mobile interpretation booth and a buffet for 80"
    )


def test_fixed_booths_cover_that_many_languages_and_only_the_rest_are_mobile():
    assert seats(HALL, booths=4) == 700
    capacity = net_capacity(HALL, "theater", FLOOR, FloorNeeds(booths=6))
    assert capacity is not None and capacity.mobile_booths == 2 and capacity.seats == 700 - 26


def test_only_buffet_menus_take_floor():
    assert floor_needs(FLOOR, 2, "western-buffet", 80) == FloorNeeds(2, 80)
    assert floor_needs(FLOOR, 0, "tea-break", 80) == FloorNeeds(0, 0)
    assert floor_needs(FLOOR, 0, None, None) == FloorNeeds(0, 0)


def test_a_layout_without_a_floor_figure_uses_the_spaces_own_density():
    floor = msgspec.structs.replace(FLOOR, m2_per_seat={})
    capacity = net_capacity(ROOM_A, "theater", floor, FloorNeeds(booths=1))
    assert capacity is not None and capacity.seats == 160 - 11  # 12.8 m² at 200/160 m² a seat


def test_the_booking_rules_refuse_attendees_above_the_net_capacity_naming_it():
    def request(attendees: int) -> BookingRequest:
        shanghai = ZoneInfo("Asia/Shanghai")
        return BookingRequest(
            space_id="room-a",
            layout="theater",
            attendees=attendees,
            time_zone="Europe/Berlin",
            starts_at=datetime(2027, 3, 2, 14, tzinfo=shanghai),
            ends_at=datetime(2027, 3, 2, 18, tzinfo=shanghai),
            floor_language="en",
            target_languages=("zh",),
            catering_headcount=80,
            catering_menu="western-buffet",
        )

    assert check(request(97), CATALOG, NOW) == []
    [violation] = check(request(98), CATALOG, NOW)
    assert violation.field == "attendees"
    assert "at most 97" in violation.reason and "a buffet for 80" in violation.reason
