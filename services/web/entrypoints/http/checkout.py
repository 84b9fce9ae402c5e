"""Check and book: the quote of a one-off booking (POST /quotes) or the dry run of a series (POST
/bookings/series with dry_run: each occurrence free or why not), then booking it (idempotent per
draft: a second click books nothing more) and the page that follows it: the booking's, or the
series' own page (GET /bookings/series/{id})."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from services.web.domain import recurrence, wizard
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.bookings import names
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer
from services.web.handlers import series
from services.web.handlers.bookings import quote, submit

BOOKERS = ("organizer", "staff")
MODES = ("all_or_nothing", "skip_conflicts")


class CheckoutController(Controller):
    path = "/book"
    tags = ["booking wizard"]

    @get("/quote")
    async def show_quote(self, viewer: NamedDependency[Viewer]) -> Response[Any]:
        """The price before anything is booked; for a series, each occurrence free or not and why."""
        person = viewer.person(*BOOKERS)
        answers = await viewer.deps.sessions.draft(viewer.key)
        missing = wizard.first_unanswered(answers, viewer.elder)
        if missing is not None:
            return redirect(f"/book/{missing}")
        zone = viewer.deps.config.venue_time_zone
        spaces = {space["id"]: space for space in await viewer.deps.spaces.get()}
        request = wizard.booking_request(answers, zone)
        answers["idempotency_key"] = answers.get("idempotency_key") or str(uuid.uuid4())
        if recurrence.repeats(answers):
            try:
                preview = await series.preview(person, answers, zone)
            except ApiProblem as refused:
                return page(viewer, "bookings/quote.html", 422, quote=None, problem=refused, answers=answers)
            await viewer.deps.sessions.save_draft(viewer.key, answers)
            return page(
                viewer,
                "bookings/series_check.html",
                preview=preview,
                wanted=request,
                answers=answers,
                space=spaces.get(request["space_id"]),
                rule=recurrence.describe(preview["rrule"]),
                free=sum(1 for o in preview["occurrences"] if o["free"]),
                modes=MODES,
            )
        try:
            quoted = await quote(person, answers, zone)
        except ApiProblem as refused:
            return page(viewer, "bookings/quote.html", 422, quote=None, problem=refused, answers=answers)
        answers["quote_id"] = quoted["quote_id"]
        await viewer.deps.sessions.save_draft(viewer.key, answers)
        return page(
            viewer,
            "bookings/quote.html",
            quote=quoted,
            wanted=request,
            answers=answers,
            space=spaces.get(request["space_id"]),
            **await names(viewer),
        )

    @post("/submit")
    async def submit(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Response[Any]:
        """POST /bookings (or /bookings/series in the mode chosen); then the booking's (series') page."""
        person = viewer.person(*BOOKERS)
        answers = await viewer.deps.sessions.draft(viewer.key)
        zone = viewer.deps.config.venue_time_zone
        repeating = recurrence.repeats(answers)
        if not answers.get("idempotency_key") or not (repeating or answers.get("quote_id")):
            return redirect("/book/quote")
        try:
            if repeating:
                mode = (await form_fields(request)).get("mode", "")
                made = await series.submit(person, answers, zone, mode if mode in MODES else MODES[0])
            else:
                accepted = await submit(person, answers, zone)
        except ApiProblem as refused:
            if (
                repeating
            ):  # the venue keeps a refused series' answer under its key: the next try needs a new one
                answers["idempotency_key"] = str(uuid.uuid4())
                await viewer.deps.sessions.save_draft(viewer.key, answers)
            return page(viewer, "bookings/quote.html", 422, quote=None, problem=refused, answers=answers)
        await viewer.deps.sessions.clear_draft(viewer.key)
        if repeating:
            return redirect(f"/series/{made['series_id']}", "series_booked")
        return redirect(f"/bookings/{accepted['booking_id']}")


class SeriesController(Controller):
    path = "/series"
    tags = ["bookings"]

    @get("/{series_id:uuid}")
    async def series_page(self, viewer: NamedDependency[Viewer], series_id: FromPath[uuid.UUID]) -> Template:
        """GET /bookings/series/{id}: the rule in words and each occurrence with its booking's status."""
        parts = await series.series_page_parts(viewer.person(*BOOKERS), viewer.deps, series_id)
        return page(viewer, "bookings/series.html", errors={}, **parts)
