"""The final guarantee: the headcount is firm from a number of business days before the event.

Business days are Monday to Friday in the kitchen's zone (Asia/Shanghai); public holidays are not known
here. After the deadline a changed headcount is refused, or accepted and charged at the greater of the
guaranteed and the new count, as the venue configures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.catering.domain.orders import Plan, Refusal, price_minor
from shared.participant.domain.plans import Revisions

SHANGHAI = ZoneInfo("Asia/Shanghai")
REFUSE, CHARGE = "refuse", "charge"


@dataclass(frozen=True)
class GuaranteePolicy:
    business_days: int = 3
    late_headcount: str = REFUSE  # or CHARGE


DEFAULT_POLICY = GuaranteePolicy()


def business_days_before(day: date, count: int) -> date:
    """The ``count``-th Monday–Friday before ``day``."""
    while count > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def guarantee_deadline(event_start: datetime, business_days: int = 3, zone: ZoneInfo = SHANGHAI) -> datetime:
    """The end (local midnight) of the business day ``business_days`` before the event's local day."""
    last_day = business_days_before(event_start.astimezone(zone).date(), business_days)
    return datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=zone)


def billable_covers(guaranteed: int, actual: int) -> int:
    """The venue bills the greater of the guaranteed and the actual headcount."""
    return max(guaranteed, actual)


def late_change_reason(
    guaranteed: int, headcount: int, event_start: datetime, now: datetime, business_days: int = 3
) -> str | None:
    """Why a headcount change is too late for the final guarantee, or None if it is in time (or no change)."""
    deadline = guarantee_deadline(event_start, business_days)
    if headcount == guaranteed or now < deadline:
        return None
    return (
        f"the final guarantee of {guaranteed} guests was due by the end of {deadline.date() - timedelta(days=1)} "
        f"({deadline.tzinfo}), "
        f"{business_days} business days before the event; the headcount can no longer change to {headcount}"
    )


def after_guarantee(
    plan: Plan, guaranteed: int | None, event_start: datetime, now: datetime, policy: GuaranteePolicy
) -> Plan | Refusal:
    """A change's plan under the final guarantee: as is, refused, or priced at the billable covers."""
    if guaranteed is None:
        return plan
    late = late_change_reason(guaranteed, plan.covers, event_start, now, policy.business_days)
    if late is None:
        return plan
    if policy.late_headcount != CHARGE:
        return Refusal(late)
    billed = billable_covers(guaranteed, plan.covers)
    return replace(plan, price_minor=price_minor(plan.menu, billed))


def guaranteed_headcount(known: Revisions, revision: int) -> int | None:
    """The headcount a change to ``revision`` departs from: the firm one, else the newest older held one."""
    if known.confirmed is not None:
        confirmed = known.get(known.confirmed)
        assert confirmed is not None
        return confirmed["headcount"]
    older = known.older_holding(revision)
    return older[-1]["headcount"] if older else None
