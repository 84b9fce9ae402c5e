"""Whether a catering order can be taken: menu, headcount, serving time, meal period and lead time.

Pure: the caller passes ``now``. Each refusal says what the organizer can change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from services.catering.domain.dietary import dietary_reasons
from services.catering.domain.menus import Kitchen, Menu, MenuBook

SLOT = timedelta(minutes=30)  # the venue books in 30-minute steps
ALREADY_RELEASED = "catering for this booking was already released; nothing is held"
RELEASED_EARLY = "released before reserved"  # the tombstone of a release that came before its reserve


@dataclass(frozen=True)
class OrderRequest:
    menu: str
    headcount: int
    starts_at: datetime
    ends_at: datetime
    serve_at: datetime | None = None
    dietary: dict[str, int] = field(default_factory=dict)
    allergy_notes: str = ""
    layout: str = ""

    @property
    def serving_time(self) -> datetime:
        return self.serve_at or self.starts_at


@dataclass(frozen=True)
class Plan:
    """An order that fits every rule: what to reserve in the kitchen and what it costs."""

    menu: Menu
    serve_at: datetime
    day: date
    meal_period: str
    covers: int
    capacity: int
    price_minor: int


@dataclass(frozen=True)
class Refusal:
    reason: str


def price_minor(menu: Menu, headcount: int) -> int:
    return menu.price_per_head_minor * headcount


def plan_order(request: OrderRequest, book: MenuBook, now: datetime) -> Plan | Refusal:
    """The plan for ``request``, or every reason it cannot be served (joined with '; ')."""
    menu = book.menu(request.menu)
    if menu is None:
        known = ", ".join(menu.id for menu in book.menus)
        return Refusal(f"unknown menu {request.menu!r}; menus are {known}")
    naive = [name for name, value in _times(request) if value.tzinfo is None]
    if naive:
        return Refusal(f"{', '.join(naive)} needs a UTC offset, e.g. 2027-03-02T12:00:00+08:00")
    kitchen = book.kitchen
    reasons = [
        *_headcount_rules(request, menu),
        *dietary_reasons(request.dietary, request.headcount, request.allergy_notes),
        *_serving_rules(request, menu, kitchen),
    ]
    lead = lead_time_reason(request, menu, kitchen, now)
    if lead:
        reasons.append(lead)
    period = kitchen.period_at(request.serving_time)
    if reasons or period is None:
        return Refusal("; ".join(reasons))
    return Plan(
        menu=menu,
        serve_at=request.serving_time,
        day=kitchen.local(request.serving_time).date(),
        meal_period=period.name,
        covers=request.headcount,
        capacity=period.covers,
        price_minor=price_minor(menu, request.headcount),
    )


def _times(request: OrderRequest) -> list[tuple[str, datetime]]:
    named = [("starts_at", request.starts_at), ("ends_at", request.ends_at), ("serve_at", request.serve_at)]
    return [(name, value) for name, value in named if value is not None]


def _headcount_rules(request: OrderRequest, menu: Menu) -> list[str]:
    if menu.min_headcount <= request.headcount <= menu.max_headcount:
        return []
    return [f"{menu.id} is for {menu.min_headcount} to {menu.max_headcount} guests, not {request.headcount}"]


def _serving_rules(request: OrderRequest, menu: Menu, kitchen: Kitchen) -> list[str]:
    zone = kitchen.time_zone
    serve_at = request.serving_time
    if request.serve_at is not None and not request.starts_at <= serve_at < request.ends_at:
        event = f"{_local(request.starts_at, kitchen)}–{kitchen.local(request.ends_at):%H:%M}"
        return [
            f"serve_at {_local(serve_at, kitchen)} ({zone}) is outside the event ({event}); serve during it"
        ]
    period = kitchen.period_at(serve_at)
    when = "the meal is served" if request.serve_at else "the event starts"
    if period is None:
        return [
            f"the kitchen serves {kitchen.hours} ({zone}) but {when} at {kitchen.local(serve_at):%H:%M}; "
            "choose a serving time in those hours"
        ]
    if period.name not in menu.meal_periods:
        allowed = ", ".join(menu.meal_periods)
        return [
            f"{menu.id} is served at {allowed}, not at {period.name} ({period.hours}); "
            "choose another menu or serving time"
        ]
    return []


def lead_time_reason(request: OrderRequest, menu: Menu, kitchen: Kitchen, now: datetime) -> str | None:
    """Why the serving time is too soon for the menu's notice, or None if it is at least that far away."""
    lead = timedelta(hours=menu.lead_time_hours)
    serve_at = request.serving_time
    ahead = serve_at - now
    if ahead >= lead:
        return None
    when, change = (
        ("the meal is served", "serving time") if request.serve_at else ("the event starts", "start")
    )
    earliest = _ceil_to_slot(now + lead, kitchen)
    return (
        f"{menu.id} needs {menu.lead_time_hours} h notice: {when} {_local(serve_at, kitchen)} ({kitchen.time_zone}), "
        f"{_hours_from_now(ahead)}; book without catering or choose a {change} at or after "
        f"{_local(earliest, kitchen)}"
    )


def superseded_reason(revision: int, confirmed: int) -> str:
    return f"plan revision {revision} is older than the confirmed revision {confirmed}; nothing is held"


def kitchen_full_reason(left: int, capacity: int, meal_period: str, day: date) -> str:
    return (
        f"the kitchen has {left} of {capacity} covers left for {meal_period} on {day.isoformat()}; "
        "lower the headcount or choose another meal period or day"
    )


def _hours_from_now(ahead: timedelta) -> str:
    if ahead <= timedelta(0):
        return "which has already passed"
    hours = math.floor(ahead / timedelta(hours=1))
    return f"{hours} h from now" if hours else "less than 1 h from now"


def _ceil_to_slot(moment: datetime, kitchen: Kitchen) -> datetime:
    local = kitchen.local(moment)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    slots = math.ceil((local - midnight) / SLOT)
    return midnight + slots * SLOT


def _local(moment: datetime, kitchen: Kitchen) -> str:
    return f"{kitchen.local(moment):%Y-%m-%d %H:%M}"
