"""Changing or cancelling several times of a series at once, with the venue's scope (one time, this
time and the ones after it, every time): PATCH /bookings/series/{id} (a new title, number of people or
times: the time chosen moves to the new ones, the others by as much), POST
/bookings/series/{id}/cancel."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, post
from litestar.di import NamedDependency
from litestar.params import FromPath

from services.web.domain import refusals
from services.web.domain.formatting import parse_moment
from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer
from services.web.handlers.series import series_page_parts

BOOKERS = ("organizer", "staff")
SCOPES = ("one", "this_and_following", "all")
LIVE = ("pending", "confirmed", "option")


def _scoped(
    fields: dict[str, str], occurrences: list[dict[str, Any]], form: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """The scope and the occurrence it starts from (fields ``<form>_scope``, ``<form>_booking_id``: the
    page has a change and a cancel form), checked against the series' own bookings."""
    scope = fields.get(f"{form}_scope", "")
    if scope not in SCOPES:
        return {}, {f"{form}_scope": N_("Choose which times this applies to.")}
    body: dict[str, Any] = {"scope": scope}
    if scope != "all":
        held = {str(o["booking_id"]) for o in occurrences if o.get("booking_id")}
        if fields.get(f"{form}_booking_id") not in held:
            return {}, {f"{form}_booking_id": N_("Choose one of the series' times.")}
        body["booking_id"] = fields[f"{form}_booking_id"]
    return body, {}


def _moved(
    fields: dict[str, str], occurrences: list[dict[str, Any]], body: dict[str, Any], zone: ZoneInfo
) -> tuple[dict[str, str], dict[str, str]]:
    """New ``starts_at``/``ends_at`` for the time the scope starts from (the first live time for every
    time), from an optional new day and new start and end times on the venue's clock (each left empty
    keeps the time's own); the venue moves the scope's other times by as much. Empty: not moved."""
    day_text, start_text, end_text = (fields.get(name, "").strip() for name in ("new_day", "start", "end"))
    if not (day_text or start_text or end_text):
        return {}, {}
    live = [o for o in occurrences if o.get("booking_id") and o.get("status") in LIVE]
    anchor = next(
        (o for o in live if str(o["booking_id"]) == body.get("booking_id")), live[0] if live else None
    )
    if anchor is None:
        return {}, {}
    starts, ends = (
        parse_moment(anchor["starts_at"]).astimezone(zone),
        parse_moment(anchor["ends_at"]).astimezone(zone),
    )
    try:
        day = date.fromisoformat(day_text) if day_text else starts.date()
    except ValueError:
        return {}, {"new_day": N_("Enter a day like 2027-03-02.")}
    try:
        start = time.fromisoformat(start_text) if start_text else starts.time()
        end = time.fromisoformat(end_text) if end_text else ends.time()
    except ValueError:
        return {}, {"start": N_("Enter the start and end times, like 09:30.")}
    new_starts = datetime.combine(day, start, zone)
    new_ends = datetime.combine(day + (ends.date() - starts.date()), end, zone)
    if new_ends <= new_starts:
        return {}, {"end": N_("The end must come after the start.")}
    return {"starts_at": new_starts.isoformat(), "ends_at": new_ends.isoformat()}, {}


class SeriesActionsController(Controller):
    path = "/series/{series_id:uuid}"
    tags = ["bookings"]

    @post("/change")
    async def change(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer], series_id: FromPath[uuid.UUID]
    ) -> Response[Any]:
        """PATCH /bookings/series/{id}: a new title, number of people or times for the times of the scope."""
        person = viewer.person(*BOOKERS)
        parts = await series_page_parts(person, viewer.deps, series_id)
        fields = await form_fields(request)
        body, errors = _scoped(fields, parts["series"]["occurrences"], "change")
        title, attendees = fields.get("title", "").strip(), fields.get("attendees", "").strip()
        if title:
            body["title"] = title[:200]
        if attendees:
            if not attendees.isdigit() or not 1 <= int(attendees) <= 10000:
                errors["attendees"] = N_("Enter a whole number of people from 1 to 10,000.")
            else:
                body["attendees"] = int(attendees)
        if not errors:
            moved, errors = _moved(
                fields, parts["series"]["occurrences"], body, ZoneInfo(viewer.deps.config.venue_time_zone)
            )
            body |= moved
        if not errors and not {"title", "attendees", "starts_at"} & set(body):
            errors["title"] = N_("Enter a new title, number of people, day or times.")
        return await self._send(
            viewer, person, parts, "PATCH", f"/bookings/series/{series_id}", body, errors, fields
        )

    @post("/cancel")
    async def cancel(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer], series_id: FromPath[uuid.UUID]
    ) -> Response[Any]:
        """POST /bookings/series/{id}/cancel: first its dry run (each time of the scope with the fee the
        venue's rule would charge, nothing cancelled), then, confirmed, the times themselves."""
        person = viewer.person(*BOOKERS)
        parts = await series_page_parts(person, viewer.deps, series_id)
        fields = await form_fields(request)
        body, errors = _scoped(fields, parts["series"]["occurrences"], "cancel")
        body["reason"] = fields.get("reason", "")[:500]
        path = f"/bookings/series/{series_id}/cancel"
        if fields.get("confirm") != "yes" and not errors:
            try:
                seen = await person.call("POST", path + "?dry_run=true", json=body)
            except ApiProblem as refused:
                errors = refusals.field_messages(refused.errors) or {
                    "cancel_scope": refusals.problem_message(refused.status)
                }
            else:
                return page(
                    viewer, "bookings/series.html", errors={}, cancel_preview=seen, values=fields, **parts
                )
        return await self._send(viewer, person, parts, "POST", path, body, errors, fields)

    async def _send(
        self,
        viewer: Viewer,
        person: Any,
        parts: dict[str, Any],
        method: str,
        path: str,
        body: dict[str, Any],
        errors: dict[str, str],
        fields: dict[str, str],
    ) -> Response[Any]:
        problem = None
        if not errors:
            try:
                done = await person.call(method, path, json=body)
            except ApiProblem as refused:
                errors = refusals.field_messages(refused.errors)
                problem = refusals.problem_message(refused.status)
            else:
                if method == "PATCH" and not any(o.get("reason") for o in done["occurrences"]):
                    return redirect(f"/series/{parts['series']['series_id']}", "series_changed")
                if method == "PATCH":  # some times could not be changed: say which
                    parts = await series_page_parts(person, viewer.deps, parts["series"]["series_id"])
                    return page(viewer, "bookings/series.html", changed=done, errors={}, **parts)
                parts = await series_page_parts(person, viewer.deps, parts["series"]["series_id"])
                return page(viewer, "bookings/series.html", cancelled=done, errors={}, **parts)
        return page(
            viewer, "bookings/series.html", 422, errors=errors, problem=problem, values=fields, **parts
        )
