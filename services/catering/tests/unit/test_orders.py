"""The catering rules: lead time, meal periods, headcount, price and the reasons given to organizers."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.catering.domain.menus import load_menus
from services.catering.domain.orders import (
    OrderRequest,
    Plan,
    Refusal,
    kitchen_full_reason,
    plan_order,
    price_minor,
)

pytestmark = pytest.mark.unit

SHANGHAI = ZoneInfo("Asia/Shanghai")
BOOK = load_menus()


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def buffet(starts: str, now: datetime, **changes: object) -> Plan | Refusal:
    starts_at = local(starts)
    fields: dict = {"menu": "western-buffet", "headcount": 120, "starts_at": starts_at}
    fields |= {"ends_at": starts_at + timedelta(hours=3), **changes}
    return plan_order(OrderRequest(**fields), BOOK, now)


def test_lead_time_of_exactly_72_hours_is_enough() -> None:
    starts = local("2027-03-02 12:00")
    plan = buffet("2027-03-02 12:00", now=starts - timedelta(hours=72))
    assert isinstance(plan, Plan)


def test_one_microsecond_inside_the_lead_time_is_refused() -> None:
    starts = local("2027-03-02 12:00")
    plan = buffet("2027-03-02 12:00", now=starts - timedelta(hours=72) + timedelta(microseconds=1))
    assert isinstance(plan, Refusal)
    assert plan.reason.startswith("western-buffet needs 72 h notice")


def test_lead_time_reason_names_the_start_the_hours_left_and_the_earliest_start() -> None:
    plan = buffet("2026-11-25 14:00", now=local("2026-11-24 18:00"))
    assert isinstance(plan, Refusal)
    assert plan.reason == (
        "western-buffet needs 72 h notice: the event starts 2026-11-25 14:00 (Asia/Shanghai), 20 h from now; "
        "book without catering or choose a start at or after 2026-11-27 18:00"
    )


def test_earliest_start_is_rounded_up_to_the_next_half_hour() -> None:
    plan = buffet("2026-11-25 14:00", now=local("2026-11-24 18:10"))
    assert isinstance(plan, Refusal)
    assert plan.reason.endswith("at or after 2026-11-27 18:30")


def test_lead_time_counts_from_the_serving_time_when_one_is_given() -> None:
    now = local("2027-02-27 12:00")  # 72 h before 2027-03-02 12:00
    ends_at = local("2027-03-02 17:00")
    too_soon = buffet("2027-03-02 09:00", now, ends_at=ends_at, serve_at=local("2027-03-02 11:30"))
    in_time = buffet("2027-03-02 09:00", now, ends_at=ends_at, serve_at=local("2027-03-02 12:00"))
    assert isinstance(too_soon, Refusal)
    assert "the meal is served 2027-03-02 11:30 (Asia/Shanghai), 71 h from now" in too_soon.reason
    assert "choose a serving time at or after 2027-03-02 12:00" in too_soon.reason
    assert isinstance(in_time, Plan)
    assert in_time.serve_at == local("2027-03-02 12:00")


def test_the_banquet_needs_96_hours() -> None:
    starts = local("2027-03-02 18:00")
    request = OrderRequest("chinese-banquet", 200, starts, starts + timedelta(hours=3))
    inside = plan_order(request, BOOK, now=starts - timedelta(hours=95))
    enough = plan_order(request, BOOK, now=starts - timedelta(hours=96))
    assert isinstance(inside, Refusal)
    assert inside.reason.startswith("chinese-banquet needs 96 h notice")
    assert isinstance(enough, Plan)


@pytest.mark.parametrize(
    ("serving", "period"),
    [
        ("07:00", "breakfast"),
        ("10:29", "breakfast"),
        ("10:30", "lunch"),
        ("14:29", "lunch"),
        ("14:30", "afternoon"),
        ("16:59", "afternoon"),
        ("17:00", "dinner"),
        ("21:59", "dinner"),
    ],
)
def test_meal_period_follows_the_serving_time_in_shanghai(serving: str, period: str) -> None:
    found = BOOK.kitchen.period_at(local(f"2027-03-02 {serving}"))
    assert found is not None
    assert found.name == period


@pytest.mark.parametrize("serving", ["06:59", "22:00", "23:30", "00:00"])
def test_no_meal_period_outside_kitchen_hours(serving: str) -> None:
    assert BOOK.kitchen.period_at(local(f"2027-03-02 {serving}")) is None


def test_meal_period_is_read_in_shanghai_whatever_the_offset_given() -> None:
    # 04:30 UTC is 12:30 in Shanghai: lunch, and the local day
    found = BOOK.kitchen.period_at(datetime.fromisoformat("2027-03-01T20:30:00-08:00"))
    assert found is not None and found.name == "lunch"
    plan = plan_order(
        OrderRequest(
            "western-buffet",
            50,
            datetime.fromisoformat("2027-03-01T20:30:00-08:00"),
            datetime.fromisoformat("2027-03-01T23:30:00-08:00"),
        ),
        BOOK,
        now=local("2027-01-01 00:00"),
    )
    assert isinstance(plan, Plan)
    assert (plan.day, plan.meal_period) == (date(2027, 3, 2), "lunch")


def test_a_plan_holds_the_headcount_as_covers_at_the_price_per_head() -> None:
    plan = buffet("2027-03-02 12:00", now=local("2027-01-01 00:00"))
    assert isinstance(plan, Plan)
    assert (plan.covers, plan.capacity, plan.price_minor) == (120, 800, 120 * 18800)
    assert price_minor(BOOK.menu("tea-break"), 37) == 37 * 4800  # type: ignore[arg-type]


def test_unknown_menu_is_refused_naming_the_menus() -> None:
    plan = buffet("2027-03-02 12:00", now=local("2027-01-01 00:00"), menu="hotpot")
    assert plan == Refusal(
        "unknown menu 'hotpot'; menus are western-buffet, tea-break, welcome-reception, chinese-banquet"
    )


@pytest.mark.parametrize("headcount", [19, 801])
def test_headcount_outside_the_menu_limits_is_refused_with_the_limits(headcount: int) -> None:
    plan = buffet("2027-03-02 12:00", now=local("2027-01-01 00:00"), headcount=headcount)
    assert plan == Refusal(f"western-buffet is for 20 to 800 guests, not {headcount}")


def test_a_menu_outside_its_meal_periods_is_refused() -> None:
    plan = buffet("2027-03-02 15:00", now=local("2027-01-01 00:00"))
    assert plan == Refusal(
        "western-buffet is served at breakfast, lunch, dinner, not at afternoon (14:30–17:00); "
        "choose another menu or serving time"
    )


def test_serving_outside_kitchen_hours_is_refused() -> None:
    plan = buffet(
        "2027-03-02 09:00",
        now=local("2027-01-01 00:00"),
        serve_at=local("2027-03-02 09:00") - timedelta(hours=3),
    )
    assert isinstance(plan, Refusal)
    assert "outside the event" in plan.reason
    late = buffet("2027-03-02 21:00", now=local("2027-01-01 00:00"), serve_at=local("2027-03-02 22:00"))
    assert late == Refusal(
        "the kitchen serves 07:00–22:00 (Asia/Shanghai) but the meal is served at 22:00; "
        "choose a serving time in those hours"
    )


def test_every_broken_rule_is_named() -> None:
    plan = buffet("2026-11-25 15:00", now=local("2026-11-24 18:00"), headcount=5)
    assert isinstance(plan, Refusal)
    assert "is for 20 to 800 guests, not 5" in plan.reason
    assert "not at afternoon" in plan.reason
    assert "needs 72 h notice" in plan.reason


def test_kitchen_full_reason() -> None:
    assert kitchen_full_reason(120, 800, "lunch", date(2027, 3, 2)).startswith(
        "the kitchen has 120 of 800 covers left for lunch on 2027-03-02"
    )


def test_times_without_an_offset_are_refused_not_guessed() -> None:
    plan = buffet("2027-03-02 12:00", now=local("2027-01-01 00:00"), serve_at=datetime(2027, 3, 2, 12, 30))
    assert plan == Refusal("serve_at needs a UTC offset, e.g. 2027-03-02T12:00:00+08:00")
