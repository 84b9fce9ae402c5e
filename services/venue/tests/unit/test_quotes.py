"""Pricing a request: half and full days, several days, interpretation estimate, catering, lines."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.venue.domain.catalog import load_catalog
from services.venue.domain.quote_rules import check, quote_refusal
from services.venue.domain.quotes import LINE_CODES, QuoteRequest, event_days, price, stored_code
from services.venue.domain.rates import RATES_PATH, load_rate_card
from shared.contracts.interpreter_teams import interpreters_per_booth

pytestmark = pytest.mark.unit

CATALOG = load_catalog()
RATES = load_rate_card()
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2027, 1, 5, 9, tzinfo=UTC)
HALL = RATES.spaces["multifunctional-hall"]


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, 3, day, hour, minute, tzinfo=SHANGHAI)


MORNING = (at(2, 9), at(2, 13))


def request(start: datetime = MORNING[0], end: datetime = MORNING[1], **changes) -> QuoteRequest:
    fields = {
        "space_id": "multifunctional-hall",
        "layout": "theater",
        "starts_at": start,
        "ends_at": end,
        "attendees": 300,
        **changes,
    }
    return QuoteRequest(**fields)


def priced(req: QuoteRequest):
    assert check(req, CATALOG, RATES, 4, NOW) == []
    return price(req, CATALOG, RATES, NOW)


def units(quote) -> dict[str, int]:
    return {item.unit: item.quantity for item in quote.items}


def test_exactly_four_hours_is_a_half_day():
    quote = priced(request(at(2, 9), at(2, 13)))
    assert units(quote) == {"half-day": 1}
    assert quote.total == HALL.half_day and quote.currency == "CNY"


def test_four_and_a_half_hours_is_a_full_day():
    quote = priced(request(at(2, 9), at(2, 13, 30)))
    assert units(quote) == {"full-day": 1}
    assert quote.total == HALL.full_day


def test_several_days_are_priced_day_by_day_within_opening_hours():
    # 14:00 on the 2nd to 12:00 on the 4th: 8 h, 14 h (08-22), 4 h of event time in opening hours
    quote = priced(request(at(2, 14), at(4, 12)))
    assert units(quote) == {"half-day": 1, "full-day": 2}
    assert quote.total == HALL.half_day + 2 * HALL.full_day
    days = event_days(at(2, 14), at(4, 12), CATALOG.venue)
    assert [used for _, used in days] == [timedelta(hours=8), timedelta(hours=14), timedelta(hours=4)]


def test_interpretation_is_priced_per_booth_day_and_aiic_team_per_booth():
    quote = priced(request(at(2, 9), at(2, 14), floor_language="zh", target_languages=("en", "ms")))
    booths, interpreters = (
        next(i for i in quote.items if i.item == kind) for kind in ("interpreting-booths", "interpreters")
    )
    assert (booths.quantity, booths.unit_price) == (2, RATES.interpreting.per_booth_day)
    assert interpreters.quantity == 2 * 3  # 5 h: three interpreters in each of two booths
    assert interpreters.amount == 6 * RATES.interpreting.per_interpreter_day
    assert "estimate" in interpreters.description and "estimate" in quote.note.lower()


def test_catering_per_head_and_network_lines_per_day_add_up_to_the_total():
    quote = priced(
        request(at(2, 9), at(3, 12), catering_menu="western-buffet", catering_headcount=200, network_lines=2)
    )
    catering = next(i for i in quote.items if i.item == "catering")
    lines = next(i for i in quote.items if i.item == "network-lines")
    assert (catering.quantity, catering.unit_price, catering.amount) == (200, 18800, 200 * 18800)
    assert (lines.quantity, lines.unit) == (4, "line-day")  # two lines on two days
    assert quote.total == sum(item.amount for item in quote.items)
    assert all(isinstance(item.amount, int) for item in quote.items)


def test_every_line_carries_a_stable_code_and_the_parameters_to_word_it():
    quote = priced(
        request(
            at(2, 14),
            at(3, 12),
            floor_language="zh",
            target_languages=("ms", "en"),
            catering_menu="western-buffet",
            catering_headcount=50,
            network_lines=1,
        )
    )
    coded = {item.code: item.params for item in quote.items}
    assert coded == {
        "space-full-day": {"space": "multifunctional-hall"},
        "space-half-day": {"space": "multifunctional-hall", "hours": 4},
        "interpreting-booths": {"languages": ["en", "ms"]},
        "interpreters": {},
        "catering": {"menu": "western-buffet"},
        "network-lines": {},
    }
    assert set(coded) == set(LINE_CODES)
    # a line kept before codes existed gets its code from its item and unit
    assert stored_code({"item": "space", "unit": "half-day"}) == "space-half-day"
    assert stored_code({"item": "catering", "unit": "head"}) == "catering"


def test_a_quote_is_valid_for_fourteen_days():
    assert priced(request()).valid_until == NOW + timedelta(days=14)


@pytest.mark.parametrize(
    ("minutes", "team"), [(30, 1), (40, 1), (41, 2), (240, 2), (241, 3), (360, 3), (361, 4), (480, 4)]
)
def test_aiic_team_size_per_booth(minutes, team):
    assert interpreters_per_booth(timedelta(minutes=minutes)) == team


def test_no_team_beyond_eight_hours():
    assert interpreters_per_booth(timedelta(hours=8, minutes=30)) is None
    violations = check(
        request(at(2, 8), at(2, 17), floor_language="zh", target_languages=("en",)), CATALOG, RATES, 4, NOW
    )
    assert [v.field for v in violations] == ["interpreting"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"space_id": "moon-base"}, "space_id"),
        ({"layout": "banquet-hall"}, "layout"),
        ({"attendees": 701}, "attendees"),
        ({"ends_at": at(2, 9)}, "ends_at"),
        ({"starts_at": datetime(2027, 3, 2, 9), "ends_at": datetime(2027, 3, 2, 12)}, "starts_at"),
        ({"starts_at": datetime(2026, 3, 2, 9, tzinfo=UTC)}, "starts_at"),
        ({"starts_at": at(2, 22, 30), "ends_at": at(2, 23, 30)}, "starts_at"),
        ({"ends_at": at(2, 9) + timedelta(days=40)}, "ends_at"),
        ({"floor_language": "en", "target_languages": ("en", "zh")}, "interpreting.target_languages"),
        ({"catering_menu": "hotpot", "catering_headcount": 10}, "catering.menu"),
        ({"catering_menu": "tea-break", "catering_headcount": 301}, "catering.headcount"),
        ({"network_lines": 5}, "network_lines"),
    ],
)
def test_requests_that_cannot_be_priced_name_the_field(changes, field):
    assert field in [v.field for v in check(request(**changes), CATALOG, RATES, 4, NOW)]


def test_the_rate_card_prices_every_space_and_mirrors_the_catering_menus():
    assert {space.id for space in CATALOG.spaces} <= set(RATES.spaces)
    assert all(0 < rate.half_day < rate.full_day for rate in RATES.spaces.values())
    menus = msgspec.json.decode((RATES_PATH.parents[1] / "catering" / "menus.json").read_bytes())["menus"]
    assert RATES.catering_per_head == {menu["id"]: menu["price_per_head_minor"] for menu in menus}
    assert {menu["currency"] for menu in menus} == {RATES.currency}


def quote_and_booking(**changes):
    owner = "00000000-0000-0000-0000-000000000001"
    pair = {
        "owner_id": owner,
        "space_id": "room-a",
        "starts_at": at(2, 9),
        "ends_at": at(2, 12),
        "valid_until": NOW + timedelta(days=1),
        "organizer_id": owner,
        "created_by": owner,
        "booking_space_id": "room-a",
        "booking_starts_at": at(2, 9),
        "booking_ends_at": at(2, 12),
    }
    return {**pair, **changes}


def test_a_quote_goes_with_a_booking_of_its_owner_for_the_same_space_and_time_while_valid():
    assert quote_refusal(quote_and_booking(), NOW) is None
    staff = "00000000-0000-0000-0000-000000000002"
    assert quote_refusal(quote_and_booking(owner_id=staff, created_by=staff), NOW) is None  # staff booked it
    assert quote_refusal(quote_and_booking(owner_id=staff), NOW) == "no such quote"
    assert "expired" in quote_refusal(quote_and_booking(valid_until=NOW - timedelta(seconds=1)), NOW)
    assert "another space" in quote_refusal(quote_and_booking(booking_space_id="room-b"), NOW)
    assert "another space" in quote_refusal(quote_and_booking(booking_ends_at=at(2, 13)), NOW)
