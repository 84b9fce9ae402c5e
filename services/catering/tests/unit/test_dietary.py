"""Dietary counts: known needs only, none negative, never more than the headcount; the order says why."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.catering.domain.dietary import dietary_reasons
from services.catering.domain.menus import load_menus
from services.catering.domain.orders import OrderRequest, Plan, Refusal, plan_order

pytestmark = pytest.mark.unit

SHANGHAI = ZoneInfo("Asia/Shanghai")
LUNCH = datetime(2027, 3, 2, 11, 0, tzinfo=SHANGHAI)
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=SHANGHAI)


def test_counts_within_the_headcount_are_taken() -> None:
    assert dietary_reasons({}, 10) == []
    assert dietary_reasons({"vegetarian": 4, "vegan": 3, "halal": 2, "gluten_free": 1}, 10) == []


def test_counts_above_the_headcount_are_refused_with_the_sum() -> None:
    [reason] = dietary_reasons({"vegetarian": 8, "halal": 3}, 10)
    assert "add up to 11" in reason and "headcount 10" in reason and "vegetarian 8" in reason


def test_unknown_needs_and_negative_counts_are_named() -> None:
    reasons = dietary_reasons({"kosher": 1, "pescatarian": 2, "vegan": -1}, 10)
    assert reasons[0].startswith("unknown dietary need(s) kosher, pescatarian; use vegetarian, vegan")
    assert reasons[1] == "dietary count(s) vegan below zero"


def test_overlong_allergy_notes_are_refused() -> None:
    assert dietary_reasons({}, 10, "x" * 501) != []
    assert dietary_reasons({}, 10, "2 guests: severe peanut allergy") == []


def test_the_order_is_refused_for_bad_counts_and_taken_for_good_ones() -> None:
    def plan(dietary: dict[str, int]) -> Plan | Refusal:
        request = OrderRequest("western-buffet", 30, LUNCH, LUNCH + timedelta(hours=2), None, dietary)
        return plan_order(request, load_menus(), NOW)

    refused = plan({"vegan": 31})
    assert isinstance(refused, Refusal) and "more than the headcount 30" in refused.reason
    assert isinstance(plan({"vegan": 30}), Plan)
