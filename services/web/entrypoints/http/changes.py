"""Changing a booking (PATCH /bookings/{id}) and cancelling it with the fee shown first."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from services.web.domain import refusals
from services.web.domain.formatting import parse_moment
from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer

BOOKERS = ("organizer", "staff")
FORM_FIELD = {"starts_at": "start", "ends_at": "end"}  # the API's field -> this form's


def _current(booking: dict[str, Any], zone: ZoneInfo) -> dict[str, str]:
    starts, ends = (
        parse_moment(booking["starts_at"]).astimezone(zone),
        parse_moment(booking["ends_at"]).astimezone(zone),
    )
    return {
        "title": booking["title"],
        "attendees": str(booking["attendees"]),
        "date": starts.date().isoformat(),
        "start": starts.strftime("%H:%M"),
        "end": ends.strftime("%H:%M"),
    }


def _change(
    fields: dict[str, str], current: dict[str, str], zone: ZoneInfo
) -> tuple[dict[str, Any], dict[str, str]]:
    """The PATCH body of what changed, or the fields at fault."""
    errors: dict[str, str] = {}
    body: dict[str, Any] = {}
    if not 1 <= len(fields.get("title", "")) <= 200:
        errors["title"] = N_("Give the event a name (up to 200 characters).")
    elif fields["title"] != current["title"]:
        body["title"] = fields["title"]
    if not fields.get("attendees", "").isdigit() or not 1 <= int(fields["attendees"]) <= 10000:
        errors["attendees"] = N_("Enter how many people attend, as a whole number from 1 to 10,000.")
    elif fields["attendees"] != current["attendees"]:
        body["attendees"] = int(fields["attendees"])
    moved = any(fields.get(name) != current[name] for name in ("date", "start", "end"))
    if moved:
        try:
            day = date.fromisoformat(fields.get("date", ""))
            starts = datetime.combine(day, time.fromisoformat(fields.get("start", "")), zone)
            ends = datetime.combine(day, time.fromisoformat(fields.get("end", "")), zone)
        except ValueError:
            errors["date"] = N_("Enter the day and the start and end times.")
        else:
            body |= {"starts_at": starts.isoformat(), "ends_at": ends.isoformat()}
    return body, errors


class ChangesController(Controller):
    path = "/bookings/{booking_id:uuid}"
    tags = ["bookings"]

    @get("/change")
    async def change_form(self, viewer: NamedDependency[Viewer], booking_id: FromPath[uuid.UUID]) -> Template:
        booking = await viewer.person(*BOOKERS).call("GET", f"/bookings/{booking_id}")
        values = _current(booking, ZoneInfo(viewer.deps.config.venue_time_zone))
        return page(viewer, "bookings/change.html", booking=booking, values=values, errors={})

    @post("/change")
    async def change(
        self,
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Viewer],
        booking_id: FromPath[uuid.UUID],
    ) -> Response[Any]:
        """PATCH /bookings/{id}: the venue re-plans every service; the old plan stays until then."""
        person = viewer.person(*BOOKERS)
        booking = await person.call("GET", f"/bookings/{booking_id}")
        zone = ZoneInfo(viewer.deps.config.venue_time_zone)
        fields = await form_fields(request)
        body, errors = _change(fields, _current(booking, zone), zone)
        problem = None
        if not errors and body:
            try:
                await person.call("PATCH", f"/bookings/{booking_id}", json=body)
            except ApiProblem as refused:
                fault = refusals.field_messages(refused.errors)
                errors = {FORM_FIELD.get(name, name): message for name, message in fault.items()}
                problem = refusals.problem_message(refused.status)
            else:
                return redirect(f"/bookings/{booking_id}", "change_sent")
        elif not errors:
            return redirect(f"/bookings/{booking_id}")
        return page(
            viewer,
            "bookings/change.html",
            422,
            booking=booking,
            values=fields,
            errors=errors,
            problem=problem,
        )

    @get("/cancel")
    async def cancel_form(self, viewer: NamedDependency[Viewer], booking_id: FromPath[uuid.UUID]) -> Template:
        """The fee of cancelling now and its rule, as the venue answers a dry run, before confirming."""
        person = viewer.person(*BOOKERS)
        booking = await person.call("GET", f"/bookings/{booking_id}")
        dry_run = {"dry_run": "true"}  # a query in the path would be dropped: params replace it
        preview = await person.call("POST", f"/bookings/{booking_id}/cancel", json={}, params=dry_run)
        return page(viewer, "bookings/cancel.html", booking=booking, preview=preview, errors={})

    @post("/cancel")
    async def cancel(
        self,
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Viewer],
        booking_id: FromPath[uuid.UUID],
    ) -> Template:
        """POST /bookings/{id}/cancel; the fee the venue charged is shown."""
        person = viewer.person(*BOOKERS)
        fields = await form_fields(request)
        done = await person.call(
            "POST", f"/bookings/{booking_id}/cancel", json={"reason": fields.get("reason", "")[:500]}
        )
        booking = await person.call("GET", f"/bookings/{booking_id}")
        return page(viewer, "bookings/cancel.html", booking=booking, done=done, errors={})
