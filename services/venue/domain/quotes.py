"""Pricing a request before it is booked. Pure: the caller passes the catalog, the rate card and ``now``.

Each venue-local day the event uses is priced on its own: up to ``half_day_max`` (4 h) of event time
within opening hours is a half day, more is a full day. Interpretation is an estimate (AIIC team per
booth, one booth per target language); the interpreting service plans the real team.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal, cast, get_args

from services.venue.domain.catalog import Catalog, Space, VenueInfo
from services.venue.domain.rates import RateCard
from shared.contracts.interpreter_teams import interpreters_per_booth


@dataclass(frozen=True)
class QuoteRequest:
    space_id: str
    layout: str
    starts_at: datetime
    ends_at: datetime
    attendees: int
    floor_language: str | None = None
    target_languages: tuple[str, ...] = ()
    catering_menu: str | None = None
    catering_headcount: int | None = None
    network_lines: int = 0


# A line's stable code (clients word it in their own language from the code and its parameters; the
# description is the English wording) and the note's: every quote's note is the rate card's estimate note.
LineCode = Literal[
    "space-half-day",  # params: space (its id), hours (the half day's limit)
    "space-full-day",  # params: space
    "interpreting-booths",  # params: languages (the target languages' codes)
    "interpreters",  # params: none (the AIIC team per booth is the same rule everywhere)
    "catering",  # params: menu (catering's menu id)
    "network-lines",  # params: none
]
LINE_CODES: tuple[LineCode, ...] = get_args(LineCode)
NoteCode = Literal["estimate"]
NOTE_CODE: NoteCode = "estimate"

Params = dict[str, str | int | list[str]]


def stored_code(line: Mapping[str, Any]) -> LineCode:
    """The code of a stored line; lines kept before codes existed have it from their item and unit
    (their parameters are then unknown: clients fall back to the English description)."""
    if "code" in line:
        return cast(LineCode, line["code"])
    return cast(LineCode, f"space-{line['unit']}" if line["item"] == "space" else line["item"])


@dataclass(frozen=True)
class LineItem:
    item: str
    description: str
    quantity: int
    unit: str
    unit_price: int
    amount: int
    code: LineCode
    params: Params


@dataclass(frozen=True)
class Quote:
    items: tuple[LineItem, ...]
    total: int
    currency: str
    valid_until: datetime
    note: str


def booked_request(booking: Mapping[str, Any]) -> QuoteRequest:
    """What a booking row asks for, to price it by the rate card (when it kept no quote)."""
    interpreting, catering = booking["interpreting"] or {}, booking["catering"] or {}
    return QuoteRequest(
        space_id=booking["space_id"],
        layout=booking["layout"],
        starts_at=booking["starts_at"],
        ends_at=booking["ends_at"],
        attendees=booking["attendees"],
        floor_language=interpreting.get("floor_language"),
        target_languages=tuple(interpreting.get("target_languages", ())),
        catering_menu=catering.get("menu"),
        catering_headcount=catering.get("headcount"),
    )


def event_days(starts_at: datetime, ends_at: datetime, venue: VenueInfo) -> list[tuple[date, timedelta]]:
    """The event's time on each venue-local day, counted within opening hours (days without any omitted)."""
    zone, hours = venue.zone, venue.opening_hours
    day, last = starts_at.astimezone(zone).date(), ends_at.astimezone(zone).date()
    used_per_day = []
    while day <= last:
        opens, closes = datetime.combine(day, hours.opens, zone), datetime.combine(day, hours.closes, zone)
        used = min(ends_at, closes) - max(starts_at, opens)
        if used > timedelta(0):
            used_per_day.append((day, used))
        day += timedelta(days=1)
    return used_per_day


def price(request: QuoteRequest, catalog: Catalog, rates: RateCard, now: datetime) -> Quote:
    """The line items, total and validity of a request that passed ``check``."""
    space = catalog.space(request.space_id)
    assert space is not None, "check the request first"
    days = event_days(request.starts_at, request.ends_at, catalog.venue)
    items = [
        item
        for item in (
            *_space_items(space, days, rates),
            *_interpreting_items(request, days, rates),
            *_catering_items(request, rates),
            _item(
                ("network-lines", "network-lines", {}),
                "international dedicated network line",
                request.network_lines * len(days),
                "line-day",
                rates.network_line_per_day,
            ),
        )
        if item.quantity
    ]
    return Quote(
        items=tuple(items),
        total=sum(item.amount for item in items),
        currency=rates.currency,
        valid_until=now + rates.valid_for,
        note=rates.estimate_note,
    )


def _item(
    kind: tuple[str, LineCode, Params], description: str, quantity: int, unit: str, unit_price: int
) -> LineItem:
    """``kind``: the line's item (what it prices), its code and the code's parameters."""
    item, code, params = kind
    return LineItem(item, description, quantity, unit, unit_price, quantity * unit_price, code, params)


def _space_items(space: Space, days: list[tuple[date, timedelta]], rates: RateCard) -> list[LineItem]:
    rate = rates.spaces[space.id]
    half_days = sum(1 for _, used in days if used <= rates.half_day_max)
    limit = f"up to {rates.half_day_max_minutes // 60} h"
    return [
        _item(
            ("space", "space-half-day", {"space": space.id, "hours": rates.half_day_max_minutes // 60}),
            f"{space.label()}, half day ({limit})",
            half_days,
            "half-day",
            rate.half_day,
        ),
        _item(
            ("space", "space-full-day", {"space": space.id}),
            f"{space.label()}, full day",
            len(days) - half_days,
            "full-day",
            rate.full_day,
        ),
    ]


def _interpreting_items(
    request: QuoteRequest, days: list[tuple[date, timedelta]], rates: RateCard
) -> list[LineItem]:
    languages = sorted(set(request.target_languages))
    booths = len(languages)
    interpreter_days = sum(booths * (interpreters_per_booth(used) or 0) for _, used in days)
    return [
        _item(
            ("interpreting-booths", "interpreting-booths", {"languages": languages}),
            f"booths, one per target language ({', '.join(languages)})",
            booths * len(days),
            "booth-day",
            rates.interpreting.per_booth_day,
        ),
        _item(
            ("interpreters", "interpreters", {}),
            "simultaneous interpreters, AIIC team per booth (≤40 min 1, ≤4 h 2, ≤6 h 3, ≤8 h 4); an estimate",
            interpreter_days,
            "interpreter-day",
            rates.interpreting.per_interpreter_day,
        ),
    ]


def _catering_items(request: QuoteRequest, rates: RateCard) -> list[LineItem]:
    if request.catering_menu is None or request.catering_headcount is None:
        return []
    per_head = rates.catering_per_head[request.catering_menu]
    return [
        _item(
            ("catering", "catering", {"menu": request.catering_menu}),
            f"catering: {request.catering_menu}",
            request.catering_headcount,
            "head",
            per_head,
        )
    ]
