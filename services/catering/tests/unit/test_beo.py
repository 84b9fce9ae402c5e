"""The banquet event order: the task's details (dishes, allergens, counts, staff) printed for the caterer."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.catering.domain.beo import render_beo
from services.catering.domain.menus import load_menus
from services.catering.domain.tasks import ConfirmedOrder, vendor_task
from services.catering.entrypoints.http.access import is_staff_key, require_staff
from shared.http.problems import ApiError

pytestmark = pytest.mark.unit

BOOK = load_menus()
SHANGHAI = ZoneInfo("Asia/Shanghai")
DINNER = datetime(2027, 3, 2, 18, 0, tzinfo=SHANGHAI)


def banquet(**changes: object) -> ConfirmedOrder:
    fields: dict = {
        "booking_id": uuid.UUID(int=7),
        "menu": "chinese-banquet",
        "headcount": 230,
        "meal_period": "dinner",
        "serve_at": DINNER + timedelta(minutes=30),
        "space_id": "grand-ballroom",
        "starts_at": DINNER,
        "ends_at": DINNER + timedelta(hours=3),
        "dietary": {"vegetarian": 12, "halal": 5},
        "allergy_notes": "table 4: one severe peanut allergy",
        "layout": "banquet rounds of 10",
    }
    return ConfirmedOrder(**{**fields, **changes})


def test_the_task_details_carry_dishes_allergens_counts_and_staff() -> None:
    details = vendor_task(banquet(), BOOK, None).details
    assert "Kung pao chicken (allergens: peanuts, soybeans, cereals containing gluten)" in details["dishes"]
    assert "peanuts" in details["allergens"] and "milk" not in details["allergens"]
    assert (details["dietary_vegetarian"], details["dietary_halal"], details["dietary_vegan"]) == (12, 5, 0)
    assert (details["servers"], details["captains"], details["layout"]) == (23, 5, "banquet rounds of 10")


def test_the_beo_prints_times_place_menu_counts_and_staffing() -> None:
    text = render_beo(vendor_task(banquet(), BOOK, None, 2), BOOK.kitchen.zone, 2)
    assert "BANQUET EVENT ORDER" in text
    assert f"Booking {uuid.UUID(int=7)}  |  plan revision 2" in text
    for line in [
        "  Load-in      2027-03-02 17:00",
        "  Event starts 2027-03-02 18:00",
        "  Serve        2027-03-02 18:30",
        "  Event ends   2027-03-02 21:00",
        "  Load-out     2027-03-02 22:00",
        "  Space    grand-ballroom",
        "  Layout   banquet rounds of 10",
        "  - Egg fried rice (allergens: eggs)",
        "  Guests (guaranteed)  230",
        "  vegetarian           12",
        "  halal                5",
        "  gluten-free          0",
        "  Allergy notes        table 4: one severe peanut allergy",
        "  Servers   23",
        "  Captains  5",
    ]:
        assert line in text.splitlines(), line
    assert "Allergens in this menu: celery, cereals containing gluten, crustaceans" in text


def test_an_unknown_layout_and_no_notes_are_said_so() -> None:
    text = render_beo(vendor_task(banquet(layout="", allergy_notes=""), BOOK, None), BOOK.kitchen.zone, 0)
    assert "  Layout   not yet known" in text and "  Allergy notes        none" in text


def test_only_a_configured_staff_key_passes() -> None:
    assert is_staff_key("s3cret", "other, s3cret")
    assert not is_staff_key("s3cre", "other, s3cret") and not is_staff_key("", "")
    require_staff("Bearer s3cret", "s3cret")
    for header in [None, "s3cret", "Basic s3cret", "Bearer wrong", "Bearer "]:
        with pytest.raises(ApiError) as error:
            require_staff(header, "s3cret")
        assert error.value.status == 401
