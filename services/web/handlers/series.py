"""Recurring series on the person's behalf: preview a draft's occurrences (free or why not), book them,
and what cancelling part of a series would cost."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from services.web.domain import cancellation, recurrence, wizard
from services.web.domain.formatting import parse_moment
from services.web.handlers.bookings import booking_price
from services.web.handlers.people import Person

SCOPES = ("one", "this_and_following", "all")


def series_request(answers: dict[str, str], venue_zone: str) -> dict[str, Any]:
    """POST /bookings/series's body for a complete draft (a series is priced per occurrence: no quote)."""
    body: dict[str, Any] = wizard.booking_request(answers, venue_zone)
    body["rrule"] = recurrence.rule(answers)
    if answers.get("on_behalf_of"):
        body["on_behalf_of"] = answers["on_behalf_of"]
    return body


async def preview(person: Person, answers: dict[str, str], venue_zone: str) -> dict[str, Any]:
    """The dry run: each occurrence, free or not and why (nothing is held)."""
    body = series_request(answers, venue_zone) | {"dry_run": True}
    return await person.call("POST", "/bookings/series", json=body)  # type: ignore[no-any-return]


async def submit(person: Person, answers: dict[str, str], venue_zone: str, mode: str) -> dict[str, Any]:
    """Book every occurrence (all or nothing, or skipping conflicts), once per draft: the draft's
    idempotency key makes a second click answer the first series."""
    body = series_request(answers, venue_zone) | {"mode": mode}
    key = answers.get("idempotency_key") or str(uuid.uuid4())
    made: dict[str, Any] = await person.call(
        "POST", "/bookings/series", json=body, headers={"Idempotency-Key": key}
    )
    return made


def affected(series: dict[str, Any], booking_id: str, scope: str, now: datetime) -> list[dict[str, Any]]:
    """The occurrences a change or cancellation of ``scope`` from ``booking_id`` reaches: still to come
    and still on (not skipped, cancelled or refused)."""
    live = [
        o
        for o in series["occurrences"]
        if o.get("booking_id")
        and o["status"] not in ("cancelled", "rejected", "expired")
        and parse_moment(o["starts_at"]) > now
    ]
    chosen = next((o for o in series["occurrences"] if o.get("booking_id") == booking_id), None)
    if scope == "all":
        return live
    if chosen is None:
        return []
    if scope == "one":
        return [o for o in live if o["booking_id"] == booking_id]
    return [o for o in live if o["position"] >= chosen["position"]]


async def fees(
    person: Person, series: dict[str, Any], booking_id: str, tiers: tuple[cancellation.Tier, ...]
) -> dict[str, cancellation.SeriesFee]:
    """What cancelling would cost for each scope: the policy's share of each occurrence's price (the
    occurrences of one series are priced alike: the named one's price is the base of each)."""
    now = datetime.now(UTC)
    named = await person.call("GET", f"/bookings/{booking_id}")
    base = await booking_price(person, named)
    return {
        scope: cancellation.series_fee(
            [parse_moment(o["starts_at"]) for o in affected(series, booking_id, scope, now)], now, tiers, base
        )
        for scope in SCOPES
    }
