"""What a quote request must meet before it is priced. Pure: the caller passes ``now``.

A quote is for something that can be booked, so the booking rules apply as they are; pricing adds
its own (a published rate, a known menu, at most ``MAX_SPAN``, the pool of lines).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from services.venue.domain import booking as booking_rules
from services.venue.domain.booking import BookingRequest, Violation
from services.venue.domain.catalog import Catalog, VenueInfo
from services.venue.domain.quotes import QuoteRequest, event_days
from services.venue.domain.rates import RateCard
from shared.contracts.interpreter_teams import interpreters_per_booth

MAX_SPAN = timedelta(days=31)


def check(
    request: QuoteRequest, catalog: Catalog, rates: RateCard, lines_in_pool: int, now: datetime
) -> list[Violation]:
    """Every reason the request cannot be priced (empty when it can): the booking rules themselves (a
    quote is for something that can be booked), plus what pricing needs."""
    as_booking = BookingRequest(
        space_id=request.space_id,
        layout=request.layout,
        starts_at=request.starts_at,
        ends_at=request.ends_at,
        attendees=request.attendees,
        time_zone=catalog.venue.time_zone,
        floor_language=request.floor_language,
        target_languages=request.target_languages,
        catering_headcount=request.catering_headcount,
        catering_menu=request.catering_menu,
    )
    violations = booking_rules.check(as_booking, catalog, now)
    times_valid = not any(v.field in ("starts_at", "ends_at", "space_id") for v in violations)
    return [*violations, *_pricing_rules(request, catalog.venue, rates, lines_in_pool, times_valid)]


def _pricing_rules(
    request: QuoteRequest, venue: VenueInfo, rates: RateCard, lines_in_pool: int, times_valid: bool
) -> list[Violation]:
    violations = []
    if times_valid and request.space_id not in rates.spaces:
        violations.append(Violation("space_id", f"{request.space_id} has no published rate; ask the venue"))
    if times_valid and request.ends_at - request.starts_at > MAX_SPAN:
        violations.append(Violation("ends_at", f"a quote covers at most {MAX_SPAN.days} days"))
    days = event_days(request.starts_at, request.ends_at, venue) if times_valid else []
    if request.target_languages and any(interpreters_per_booth(used) is None for _, used in days):
        violations.append(
            Violation(
                "interpreting", "interpretation runs at most 8 h a day (AIIC): split the day into sessions"
            )
        )
    if request.catering_menu is not None and request.catering_menu not in rates.catering_per_head:
        menus = ", ".join(rates.catering_per_head)
        violations.append(
            Violation("catering.menu", f"unknown menu {request.catering_menu!r}; menus are {menus}")
        )
    if request.network_lines > lines_in_pool:
        violations.append(Violation("network_lines", f"the venue has {lines_in_pool} international lines"))
    return violations


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
        pair["booking_space_id"],
        pair["booking_starts_at"],
        pair["booking_ends_at"],
    )
    if not same_request:
        return "the quote is for another space or time; ask for a quote of this request"
    return None
