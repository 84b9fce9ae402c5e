"""Recurring series on the person's behalf: preview a draft's occurrences (free or why not), book them
(and send the draft's planning request with the first one)."""

from __future__ import annotations

from typing import Any

from services.web.domain import recurrence, wizard
from services.web.handlers.people import Person


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
    """Book every occurrence (all or nothing, or skipping conflicts) with the draft's Idempotency-Key:
    a double click or a second tab sending at the same instant books the series once."""
    body = series_request(answers, venue_zone) | {"mode": mode}
    key = {"Idempotency-Key": answers["idempotency_key"]}
    made: dict[str, Any] = await person.call("POST", "/bookings/series", json=body, headers=key)
    request = answers.get("planning_request", "").strip()
    first = next((o for o in made["occurrences"] if o.get("booking_id")), None)
    if request and first is not None:
        await person.call(
            "POST",
            f"/bookings/{first['booking_id']}/planning-requests",
            json={"request": request, "contact_language": answers.get("contact_language") or None},
        )
    return made


async def series_page_parts(person: Person, deps: Any, series_id: Any) -> dict[str, Any]:
    """What the series page shows: the series (GET /bookings/series/{id}), its rule in words, its space."""
    found: dict[str, Any] = await person.call("GET", f"/bookings/series/{series_id}")
    spaces = {space["id"]: space for space in await deps.spaces.get()}
    return {
        "series": found,
        "rule": recurrence.describe(found["rrule"]),
        "space": spaces.get(found["space_id"]),
    }
