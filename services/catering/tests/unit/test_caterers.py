"""Who caters a booking: the menu's first choice, the caterer already on it, never one that let go of it."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.catering.domain.menus import load_menus
from services.catering.domain.tasks import ConfirmedOrder, choose_caterer, no_caterer_left, vendor_task

pytestmark = pytest.mark.unit

BOOK = load_menus()
CUNTAN, JIANGBEI, THIRD = "caterer-cuntan-kitchen", "caterer-jiangbei-banquet", "caterer-third"
SERVE = datetime(2027, 3, 2, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_menu_book_names_a_second_caterer_for_some_menus_only():
    serving = {menu.id: BOOK.caterers_for(menu) for menu in BOOK.menus}
    assert serving == {
        "western-buffet": [CUNTAN, JIANGBEI],
        "tea-break": [CUNTAN, JIANGBEI],
        "welcome-reception": [CUNTAN],
        "chinese-banquet": [CUNTAN, JIANGBEI],
    }
    assert {caterer.vendor_id: caterer.name["zh-CN"] for caterer in BOOK.caterers}[JIANGBEI] == "江北宴会餐饮"


@pytest.mark.parametrize(
    ("current", "never_again", "chosen"),
    [
        ([], set(), CUNTAN),  # the first choice
        ([CUNTAN], set(), CUNTAN),
        ([JIANGBEI], set(), CUNTAN),  # the first choice wins back a menu change...
        ([], {CUNTAN}, JIANGBEI),  # ...unless it declined: then the next one
        ([THIRD], {CUNTAN}, THIRD),  # the caterer that took over keeps it
        ([JIANGBEI], {CUNTAN, JIANGBEI}, THIRD),
        ([], {CUNTAN, JIANGBEI, THIRD}, None),  # nobody left: escalate
    ],
)
def test_choose_caterer(current, never_again, chosen):
    assert choose_caterer([CUNTAN, JIANGBEI, THIRD], current, never_again) == chosen


def order() -> ConfirmedOrder:
    return ConfirmedOrder(
        booking_id=uuid.UUID("00000000-0000-4000-8000-000000000003"),
        menu="western-buffet",
        headcount=80,
        meal_period="lunch",
        serve_at=SERVE,
        space_id="multifunctional-hall",
        starts_at=SERVE - timedelta(hours=1),
        ends_at=SERVE + timedelta(hours=2),
        dietary={"halal": 4},
    )


def test_another_caterer_gets_the_same_work_under_its_own_task():
    first, second = vendor_task(order(), BOOK, None), vendor_task(order(), BOOK, None, vendor_id=JIANGBEI)
    assert (first.vendor_id, second.vendor_id) == (CUNTAN, JIANGBEI)
    assert second.task_id == f"catering-{order().booking_id}-{JIANGBEI}" != first.task_id
    assert (second.details, second.summary, second.load_in_at) == (
        first.details,
        first.summary,
        first.load_in_at,
    )


def test_what_is_missing_when_no_caterer_is_left():
    assert no_caterer_left(order(), BOOK) == (
        "no caterer for the Western-style buffet for 80 guests on 2027-03-02 12:00 (Asia/Shanghai):"
        " every caterer serving it has declined"
    )
