"""An organizer's bookings: the list (GET /bookings) and its CSV, one booking with its saga steps turning
green live (server-sent events), its calendar file and a planning request. Staff see any booking."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import ServerSentEvent, Template
from litestar.response.sse import ServerSentEventMessage

from services.web.domain import listing
from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem, Unreachable
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import fragment, page, redirect
from services.web.entrypoints.http.viewer import Viewer
from services.web.handlers.bookings import saga_updates

BOOKERS = ("organizer", "staff")


async def _booking_page_parts(
    viewer: NamedDependency[Viewer], booking_id: FromPath[uuid.UUID]
) -> dict[str, Any]:
    person = viewer.person(*BOOKERS)
    booking = await person.call("GET", f"/bookings/{booking_id}")
    extras: dict[str, Any] = {"quote": None, "planning": []}
    for name, path in (("quote", "quote"), ("planning", "planning-requests")):
        try:
            extras[name] = await person.call("GET", f"/bookings/{booking_id}/{path}")
        except ApiProblem:
            pass  # no quote kept, or not to be seen by this role
    spaces = {space["id"]: space for space in await viewer.deps.spaces.get()}
    return {
        "booking": booking,
        "space": spaces.get(booking["space_id"]),
        **await names(viewer),
        **extras,
    }


async def names(viewer: NamedDependency[Viewer]) -> dict[str, Any]:
    """The spaces' and menus' names in the page's language, by id (a quote's lines name them by id)."""
    space_names = {
        space["id"]: space["name"].get(viewer.language) or space["name"].get("en") or space["id"]
        for space in await viewer.deps.spaces.get()
    }
    try:
        menu_names = {
            menu["id"]: menu["name"].get(viewer.language) or menu["id"]
            for menu in await viewer.deps.menus.get()
        }
    except (ApiProblem, Unreachable):  # the menu list only gives the names; the id says enough
        menu_names = {}
    return {"space_names": space_names, "menu_names": menu_names}


class BookingsController(Controller):
    path = "/bookings"
    tags = ["bookings"]

    @get("/")
    async def my_bookings(self, viewer: NamedDependency[Viewer], request: Request[Any, Any, Any]) -> Template:
        """GET /bookings: the person's bookings (staff: everyone's), filtered, sorted, a page at a time."""
        person = viewer.person(*BOOKERS)
        wanted = listing.filters(dict(request.query_params.dict()))
        found = await person.listing("/bookings", wanted.params())
        spaces = {space["id"]: space for space in await viewer.deps.spaces.get()}
        return page(
            viewer,
            "bookings/list.html",
            422 if wanted.errors else 200,
            found=found,
            filters=wanted,
            spaces=spaces,
            statuses=listing.STATUSES,
            sorts=listing.SORTS,
            page_sizes=listing.PAGE_SIZES,
            default_page_size=listing.PAGE_SIZE,
        )

    @get("/export.csv")
    async def export(
        self, viewer: NamedDependency[Viewer], request: Request[Any, Any, Any]
    ) -> Response[bytes]:
        """The same list as CSV (UTF-8 with BOM, opens in Excel), up to 1,000 rows from the page shown."""
        wanted = listing.filters(dict(request.query_params.dict()))
        answer = await viewer.person(*BOOKERS).raw(
            "GET", "/bookings", params=wanted.params(listing.CSV_ROWS), headers={"Accept": "text/csv"}
        )
        headers = {"Content-Disposition": 'attachment; filename="wict-bookings.csv"'}
        return Response(answer.content, media_type="text/csv; charset=utf-8", headers=headers)

    @get("/{booking_id:uuid}")
    async def booking(self, viewer: NamedDependency[Viewer], booking_id: FromPath[uuid.UUID]) -> Template:
        """One booking: status, times in both zones, services, saga steps (live while pending)."""
        parts = await _booking_page_parts(viewer, booking_id)
        return page(viewer, "bookings/detail.html", **parts)

    @get("/{booking_id:uuid}/live")
    async def live(self, viewer: NamedDependency[Viewer], booking_id: FromPath[uuid.UUID]) -> ServerSentEvent:
        """The saga's progress as server-sent events: the status block each time it changes."""
        person = viewer.person(*BOOKERS)
        config = viewer.deps.config
        await person.call("GET", f"/bookings/{booking_id}")  # not theirs: 404 now, not inside the stream

        async def events() -> AsyncIterator[ServerSentEventMessage]:
            booking: dict[str, Any] = {}
            async for booking in saga_updates(
                person, booking_id, config.live_poll_seconds, config.live_max_seconds
            ):
                html = fragment(viewer, "bookings/_progress.html", booking=booking)
                yield ServerSentEventMessage(event="progress", data=html)
            if booking.get("status") != "pending":
                yield ServerSentEventMessage(event="done", data=booking.get("status", ""))

        return ServerSentEvent(events(), headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    @get("/{booking_id:uuid}/calendar.ics")
    async def calendar(
        self, viewer: NamedDependency[Viewer], booking_id: FromPath[uuid.UUID]
    ) -> Response[bytes]:
        """The booking as a calendar file (the venue's, passed through)."""
        answer = await viewer.person(*BOOKERS).raw("GET", f"/bookings/{booking_id}/calendar.ics")
        headers = {"Content-Disposition": f'attachment; filename="booking-{booking_id}.ics"'}
        return Response(answer.content, media_type="text/calendar; charset=utf-8", headers=headers)

    @post("/{booking_id:uuid}/planning")
    async def planning_request(
        self,
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Viewer],
        booking_id: FromPath[uuid.UUID],
    ) -> Response[Any]:
        """Ask the venue team to help plan the activity (POST /bookings/{id}/planning-requests)."""
        fields = await form_fields(request)
        text = fields.get("request", "")
        if not 1 <= len(text) <= 2000:
            parts = await _booking_page_parts(viewer, booking_id)
            errors = {"request": N_("Describe what you would like help with (up to 2,000 characters).")}
            return page(viewer, "bookings/detail.html", 422, planning_errors=errors, **parts)
        body = {"request": text, "contact_language": viewer.language}
        await viewer.person(*BOOKERS).call("POST", f"/bookings/{booking_id}/planning-requests", json=body)
        return redirect(f"/bookings/{booking_id}", "planning_sent")

    @post("/{booking_id:uuid}/public")
    async def publicity(
        self,
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Viewer],
        booking_id: FromPath[uuid.UUID],
    ) -> Response[Any]:
        """Show the booking in "what's on" or take it off (PUT /bookings/{id}/public)."""
        public = (await form_fields(request)).get("public") == "yes"
        await viewer.person(*BOOKERS).call("PUT", f"/bookings/{booking_id}/public", json={"public": public})
        return redirect(f"/bookings/{booking_id}", "made_public" if public else "made_private")
