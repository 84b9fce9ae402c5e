"""What a quote request must meet before it is priced. Pure: the caller passes ``now``.

Unlike a booking, a quote may span several days (each is priced on its own), up to ``MAX_SPAN``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from services.venue.domain.booking import Violation
from services.venue.domain.catalog import Catalog, Space, VenueInfo
from services.venue.domain.interpreter_team import interpreters_per_booth
from services.venue.domain.quotes import QuoteRequest, event_days
from services.venue.domain.rates import RateCard

MAX_SPAN = timedelta(days=31)


def check(
    request: QuoteRequest, catalog: Catalog, rates: RateCard, lines_in_pool: int, now: datetime
) -> list[Violation]:
    """Every reason the request cannot be priced (empty when it can)."""
    space = catalog.space(request.space_id)
    if space is None:
        known = ", ".join(space.id for space in catalog.spaces)
        return [Violation("space_id", f"unknown space {request.space_id!r}; spaces are {known}")]
    return [
        *_space_rules(request, space, rates),
        *_time_rules(request, catalog.venue, now),
        *_service_rules(request, rates, lines_in_pool),
    ]


def _space_rules(request: QuoteRequest, space: Space, rates: RateCard) -> list[Violation]:
    violations = []
    capacity = space.layouts.get(request.layout)
    if capacity is None:
        offered = ", ".join(space.layouts)
        violations.append(
            Violation("layout", f"{space.id} offers the layouts {offered}, not {request.layout!r}")
        )
    elif request.attendees > capacity:
        violations.append(
            Violation("attendees", f"{space.id} seats at most {capacity} in the {request.layout} layout")
        )
    if space.id not in rates.spaces:
        violations.append(Violation("space_id", f"{space.id} has no published rate; ask the venue"))
    return violations


def _time_rules(request: QuoteRequest, venue: VenueInfo, now: datetime) -> list[Violation]:
    naive = [
        Violation(name, "needs a UTC offset, e.g. 2027-03-02T14:00:00+08:00")
        for name, value in (("starts_at", request.starts_at), ("ends_at", request.ends_at))
        if value.tzinfo is None
    ]
    if naive:
        return naive
    if request.ends_at <= request.starts_at:
        return [Violation("ends_at", "must be after starts_at")]
    if request.starts_at <= now:
        return [Violation("starts_at", "must be in the future")]
    if request.ends_at - request.starts_at > MAX_SPAN:
        return [Violation("ends_at", f"a quote covers at most {MAX_SPAN.days} days")]
    days = event_days(request.starts_at, request.ends_at, venue)
    if not days:
        hours = venue.opening_hours
        return [
            Violation(
                "starts_at", f"the venue is open {hours.opens:%H:%M}–{hours.closes:%H:%M} {venue.time_zone}"
            )
        ]
    if request.target_languages and any(interpreters_per_booth(used) is None for _, used in days):
        return [
            Violation(
                "interpreting", "interpretation runs at most 8 h a day (AIIC): split the day into sessions"
            )
        ]
    return []


def _service_rules(request: QuoteRequest, rates: RateCard, lines_in_pool: int) -> list[Violation]:
    violations = []
    targets = request.target_languages
    if request.floor_language is not None:
        if not targets:
            violations.append(Violation("interpreting.target_languages", "name at least one target language"))
        if request.floor_language in targets:
            violations.append(
                Violation("interpreting.target_languages", "must not include the floor language")
            )
        if len(set(targets)) != len(targets):
            violations.append(Violation("interpreting.target_languages", "lists a language twice"))
    if request.catering_menu is not None and request.catering_menu not in rates.catering_per_head:
        menus = ", ".join(rates.catering_per_head)
        violations.append(
            Violation("catering.menu", f"unknown menu {request.catering_menu!r}; menus are {menus}")
        )
    if request.catering_headcount is not None and request.catering_headcount > request.attendees:
        violations.append(
            Violation("catering.headcount", f"cannot exceed the number of attendees ({request.attendees})")
        )
    if request.network_lines > lines_in_pool:
        violations.append(Violation("network_lines", f"the venue has {lines_in_pool} international lines"))
    return violations  # fmt: skip


def quote_refusal(pair: Mapping[str, Any], now: datetime) -> str | None:
    """Why a stored quote cannot go with a booking (None when it can).

    ``pair`` holds the quote's owner_id, space_id, starts_at, ends_at, valid_until and the booking's
    organizer_id, created_by, booking_space_id, booking_starts_at, booking_ends_at.
    """
    if pair["owner_id"] not in (pair["organizer_id"], pair["created_by"]):
        return "no such quote"  # another organizer's quote: no oracle
    if pair["valid_until"] < now:
        return f"the quote expired at {pair['valid_until'].isoformat()}; ask for a new one"
    same_request = (pair["space_id"], pair["starts_at"], pair["ends_at"]) == (
        pair["booking_space_id"], pair["booking_starts_at"], pair["booking_ends_at"],
    )  # fmt: skip
    if not same_request:
        return "the quote is for another space or time; ask for a quote of this request"
    return None
