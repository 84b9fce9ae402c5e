"""Booking use cases on the person's behalf: quote and submit a draft, follow the saga."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from services.web.domain import wizard
from services.web.handlers.people import Person

TERMINAL = {"confirmed", "rejected", "cancelled", "expired"}


async def quote(person: Person, answers: dict[str, str], venue_zone: str) -> dict[str, Any]:
    """POST /quotes for the draft: the price lines before committing."""
    return await person.call("POST", "/quotes", json=wizard.booking_request(answers, venue_zone))  # type: ignore[no-any-return]


async def submit(person: Person, answers: dict[str, str], venue_zone: str) -> dict[str, Any]:
    """POST /bookings with the draft's idempotency key (a double click books once), then the
    planning request if there is one. Answers the venue's BookingAccepted."""
    body: dict[str, Any] = wizard.booking_request(answers, venue_zone)
    body["public"] = answers.get("public") == "yes"  # in the booking's own insert (POST /bookings)
    if answers.get("quote_id"):
        body["quote_id"] = answers["quote_id"]
    if answers.get("on_behalf_of"):
        body["on_behalf_of"] = answers["on_behalf_of"]
    key = answers.get("idempotency_key") or str(uuid.uuid4())
    accepted: dict[str, Any] = await person.call(
        "POST", "/bookings", json=body, headers={"Idempotency-Key": key}
    )
    request = answers.get("planning_request", "").strip()
    if request:
        await person.call(
            "POST",
            f"/bookings/{accepted['booking_id']}/planning-requests",
            json={"request": request, "contact_language": answers.get("contact_language") or None},
        )
    return accepted


async def saga_updates(
    person: Person, booking_id: uuid.UUID, poll: float, limit: float
) -> AsyncIterator[dict[str, Any]]:
    """The booking each time it changes, until its saga ends (or ``limit`` seconds pass)."""
    started, last = time.monotonic(), None
    while True:
        booking: dict[str, Any] = await person.call("GET", f"/bookings/{booking_id}")
        seen = (booking["status"], booking.get("phase"), [(s["name"], s["state"]) for s in booking["steps"]])
        if seen != last:
            last = seen
            yield booking
        if booking["status"] in TERMINAL and booking.get("phase") in (None, *TERMINAL):
            return
        if time.monotonic() - started > limit:
            return
        await asyncio.sleep(poll)
