"""The final guarantee: deadline in Mon–Fri business days (Asia/Shanghai), billing at the greater count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.catering.domain.guarantee import (
    CHARGE,
    GuaranteePolicy,
    after_guarantee,
    billable_covers,
    guarantee_deadline,
)
from services.catering.domain.menus import load_menus
from services.catering.domain.orders import OrderRequest, Plan, Refusal, plan_order

pytestmark = pytest.mark.unit

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int = 0) -> datetime:
    return datetime(2027, 3, day, hour, 0, tzinfo=SHANGHAI)  # 2027-03-01 is a Monday


@pytest.mark.parametrize(
    ("event", "deadline"),
    [
        (at(8, 10), at(4)),  # Monday event: Fri, Thu, Wed -> due by the end of Wednesday
        (at(10, 18), at(6)),  # Wednesday event: Tue, Mon, (weekend skipped) Fri -> end of Friday
        (at(7, 12), at(4)),  # Sunday event: Fri, Thu, Wed
        (at(5, 9), at(3)),  # Friday event: Thu, Wed, Tue
    ],
)
def test_the_deadline_skips_weekends(event: datetime, deadline: datetime) -> None:
    assert guarantee_deadline(event, 3) == deadline


def test_the_event_day_is_the_local_one_and_the_count_is_configurable() -> None:
    monday_01_local = datetime(2027, 3, 7, 17, 0, tzinfo=UTC)  # still Sunday in UTC
    assert guarantee_deadline(monday_01_local, 3) == at(4)
    assert guarantee_deadline(at(8, 10), 1) == at(6)
    assert guarantee_deadline(at(8, 10), 5) == at(2)


@pytest.mark.parametrize(("guaranteed", "actual", "billed"), [(100, 80, 100), (100, 120, 120), (50, 50, 50)])
def test_billing_is_the_greater_of_guaranteed_and_actual(guaranteed: int, actual: int, billed: int) -> None:
    assert billable_covers(guaranteed, actual) == billed


def change(headcount: int) -> Plan:
    event = at(8, 11)
    request = OrderRequest("western-buffet", headcount, event, event + timedelta(hours=2))
    plan = plan_order(request, load_menus(), at(1))
    assert isinstance(plan, Plan)
    return plan


def test_a_late_change_is_refused_with_the_deadline_by_default() -> None:
    refused = after_guarantee(change(80), 100, at(8, 11), at(4, 9), GuaranteePolicy())
    assert isinstance(refused, Refusal)
    assert "final guarantee of 100 guests was due by the end of 2027-03-03" in refused.reason
    assert "can no longer change to 80" in refused.reason


def test_in_time_unchanged_or_first_plans_pass_as_they_are() -> None:
    plan = change(80)
    assert after_guarantee(plan, 100, at(8, 11), at(3, 23), GuaranteePolicy()) is plan
    assert after_guarantee(plan, 80, at(8, 11), at(5), GuaranteePolicy()) is plan
    assert after_guarantee(plan, None, at(8, 11), at(5), GuaranteePolicy()) is plan


def test_a_late_change_under_the_charge_policy_is_billed_at_the_greater_count() -> None:
    fewer = after_guarantee(change(80), 100, at(8, 11), at(4, 9), GuaranteePolicy(late_headcount=CHARGE))
    assert isinstance(fewer, Plan) and (fewer.covers, fewer.price_minor) == (80, 100 * 18800)
    more = after_guarantee(change(120), 100, at(8, 11), at(4, 9), GuaranteePolicy(late_headcount=CHARGE))
    assert isinstance(more, Plan) and more.price_minor == 120 * 18800
