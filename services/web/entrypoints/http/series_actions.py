"""Changing or cancelling several times of a series at once, with the venue's scope (one time, this
time and the ones after it, every time): PATCH /bookings/series/{id}, POST /bookings/series/{id}/cancel."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, post
from litestar.di import NamedDependency
from litestar.params import FromPath

from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer
from services.web.handlers.series import series_page_parts

BOOKERS = ("organizer", "staff")
SCOPES = ("one", "this_and_following", "all")


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


class SeriesActionsController(Controller):
    path = "/series/{series_id:uuid}"
    tags = ["bookings"]

    @post("/change")
    async def change(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer], series_id: FromPath[uuid.UUID]
    ) -> Response[Any]:
        """PATCH /bookings/series/{id}: a new title or number of people for the times of the scope."""
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
        if not errors and not {"title", "attendees"} & set(body):
            errors["title"] = N_("Enter a new title or number of people.")
        return await self._send(
            viewer, person, parts, "PATCH", f"/bookings/series/{series_id}", body, errors, fields
        )

    @post("/cancel")
    async def cancel(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer], series_id: FromPath[uuid.UUID]
    ) -> Response[Any]:
        """POST /bookings/series/{id}/cancel: the times of the scope, each with its fee by the venue's rule."""
        person = viewer.person(*BOOKERS)
        parts = await series_page_parts(person, viewer.deps, series_id)
        fields = await form_fields(request)
        body, errors = _scoped(fields, parts["series"]["occurrences"], "cancel")
        body["reason"] = fields.get("reason", "")[:500]
        return await self._send(
            viewer, person, parts, "POST", f"/bookings/series/{series_id}/cancel", body, errors, fields
        )

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
                errors, problem = refused.field_errors(), f"{refused.title}. {refused.detail}".strip(". ")
            else:
                if method == "PATCH":
                    return redirect(f"/series/{parts['series']['series_id']}", "series_changed")
                parts = await series_page_parts(person, viewer.deps, parts["series"]["series_id"])
                return page(viewer, "bookings/series.html", cancelled=done, errors={}, **parts)
        return page(
            viewer, "bookings/series.html", 422, errors=errors, problem=problem, values=fields, **parts
        )
