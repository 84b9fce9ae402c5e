"""A booking's foreign guests: the list is entered here (PUT replaces it), and from then on shown
masked; nothing personal ever goes into a URL (the list is posted, never put in a query)."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from services.web.domain import refusals
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer

BOOKERS = ("organizer", "staff")
GUEST_FIELDS = ("full_name", "nationality", "passport_number", "date_of_birth")
EMPTY_ROWS = 3


def guest_rows(fields: dict[str, str]) -> list[dict[str, str]]:
    """Rows guest-0, guest-1, ... of the form; empty rows are dropped."""
    rows = []
    index = 0
    while f"full_name_{index}" in fields:
        row = {name: fields.get(f"{name}_{index}", "").strip() for name in GUEST_FIELDS}
        if any(row.values()):
            rows.append(row)
        index += 1
    return rows


def api_guest(row: dict[str, str]) -> dict[str, Any]:
    guest: dict[str, Any] = {"full_name": row["full_name"], "nationality": row["nationality"].upper()}
    if row["passport_number"]:
        guest["passport_number"] = row["passport_number"]
    if row["date_of_birth"]:
        guest["date_of_birth"] = row["date_of_birth"]
    return guest


class GuestsController(Controller):
    path = "/bookings/{booking_id:uuid}/guests"
    tags = ["guests"]

    @get("/")
    async def guests(self, viewer: NamedDependency[Viewer], booking_id: FromPath[uuid.UUID]) -> Template:
        """The saved list, masked (GET /bookings/{id}/guests), and the form to enter a new one."""
        person = viewer.person(*BOOKERS)
        booking = await person.call("GET", f"/bookings/{booking_id}")
        saved = await person.call("GET", f"/bookings/{booking_id}/guests")
        return page(
            viewer, "bookings/guests.html", booking=booking, saved=saved, rows=[{}] * EMPTY_ROWS, errors={}
        )

    @post("/")
    async def save(
        self,
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Viewer],
        booking_id: FromPath[uuid.UUID],
    ) -> Response[Any]:
        """PUT /bookings/{id}/guests with the whole list; refusals name the row and field."""
        person = viewer.person(*BOOKERS)
        rows = guest_rows(await form_fields(request))
        try:
            await person.call(
                "PUT", f"/bookings/{booking_id}/guests", json={"guests": [api_guest(r) for r in rows]}
            )
        except ApiProblem as refused:
            booking = await person.call("GET", f"/bookings/{booking_id}")
            saved = await person.call("GET", f"/bookings/{booking_id}/guests")
            errors = {_field_id(field): refusals.field_message(field) for field in refused.field_errors()}
            problem = refusals.problem_message(refused.status)
            # the numbers typed are not sent back to the browser: re-enter them (they are not kept anywhere)
            kept = [{**row, "passport_number": "", "date_of_birth": ""} for row in rows] + [{}]
            return page(
                viewer,
                "bookings/guests.html",
                422,
                booking=booking,
                saved=saved,
                rows=kept,
                errors=errors,
                problem=problem,
            )
        return redirect(f"/bookings/{booking_id}/guests", "guests_saved")


def _field_id(field: str) -> str:
    """``guests[2].passport_number`` (the API's naming) -> ``passport_number_2`` (the form's)."""
    if field.startswith("guests[") and "]." in field:
        index, _, name = field[len("guests[") :].partition("].")
        return f"{name}_{index}"
    return field
