"""Pages for everyone: the spaces, what's on, the manual window, and the visitor's own settings
(language, elder mode, staying signed in)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from services.web.domain import locale
from services.web.entrypoints.http.forms import form_fields, is_htmx
from services.web.entrypoints.http.rendering import local_path, page, redirect, setting_cookie
from services.web.entrypoints.http.viewer import ELDER_COOKIE, LANGUAGE_COOKIE, Viewer

WHATS_ON_DAYS = 92  # the longest window the venue's GET /events answers
PICTURES = {
    "public-exhibition": "exhibition",
    "multifunctional-hall": "hall",
    "experience-center": "experience",
    "vip-hall": "vip",
}


def picture(space_id: FromPath[str]) -> str:
    return PICTURES.get(space_id, "rooms")


class PublicController(Controller):
    path = "/"
    tags = ["public"]

    @get("/", name="landing")
    async def landing(self, viewer: NamedDependency[Viewer]) -> Template:
        """The venue and its spaces: floor areas, capacities per layout, pictures."""
        spaces = await viewer.deps.spaces.get()
        return page(viewer, "public/landing.html", spaces=spaces, picture=picture)

    @get("/whats-on")
    async def whats_on(self, viewer: NamedDependency[Viewer]) -> Template:
        """What's on: the public events of the next 92 days (the venue's GET /events), and each space's
        busy calendar."""
        today = datetime.now(UTC).astimezone(ZoneInfo(viewer.deps.config.venue_time_zone)).date()
        until = today + timedelta(days=WHATS_ON_DAYS - 1)
        window = {"from": today.isoformat(), "to": until.isoformat()}
        events = await viewer.deps.venue.json("GET", "/events", params=window)
        spaces = await viewer.deps.spaces.get()
        return page(viewer, "public/whats_on.html", spaces=spaces, events=events, until=until)

    @get("/calendars/{space_id:str}.ics")
    async def space_calendar(
        self, viewer: NamedDependency[Viewer], space_id: FromPath[str]
    ) -> Response[bytes]:
        """A space's subscribable busy-time calendar (the venue's public feed, passed through)."""
        known = {space["id"] for space in await viewer.deps.spaces.get()}
        if space_id not in known:
            raise NotFoundException(space_id)
        answer = await viewer.deps.venue.send("GET", f"/spaces/{space_id}/calendar.ics")
        return Response(answer.content, media_type="text/calendar; charset=utf-8")

    @get("/help")
    async def help_page(self, viewer: NamedDependency[Viewer]) -> Template:
        """The manual window: phone, opening hours, what the staff can do for a caller."""
        return page(viewer, "public/help.html")

    @post("/language")
    async def choose_language(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """Switch between 中文 and English (kept in a cookie, and in the profile when signed in)."""
        fields = await form_fields(request)
        chosen = locale.supported(fields.get("language")) or viewer.language
        if viewer.session:
            await viewer.deps.sessions.update_person(viewer.key, locale=chosen)
        response = redirect(local_path(fields.get("next")), "language_changed", htmx=is_htmx(request))
        response.cookies.append(setting_cookie(LANGUAGE_COOKIE, chosen, viewer.deps.config.cookie_secure))
        return response

    @post("/elder-mode")
    async def elder_mode(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """Larger text, high contrast, one question per step: a cookie, and the profile (PATCH /me)."""
        fields = await form_fields(request)
        on = fields.get("elder") == "1"
        if viewer.session:
            await viewer.deps.sessions.update_person(viewer.key, elder_mode=on)
            await viewer.person().call("PATCH", "/me", json={"elder_mode": on})  # kept in the profile
        response = redirect(local_path(fields.get("next")), "elder_on" if on else "elder_off")
        response.cookies.append(
            setting_cookie(ELDER_COOKIE, "1" if on else "0", viewer.deps.config.cookie_secure)
        )
        return response

    @get("/session/status")
    async def session_status(self, viewer: NamedDependency[Viewer], next: FromQuery[str] = "/") -> Template:
        """Polled by the page (htmx): offers to stay signed in shortly before the session would end."""
        now = datetime.now(UTC)
        session = viewer.session
        ends_soon = bool(session and session.ends_soon(now, viewer.deps.warning))
        ends_at = session.end(now) if session else None
        return page(
            viewer,
            "partials/session_status.html",
            ends_soon=ends_soon,
            ends_at=ends_at,
            next_path=local_path(next),
        )

    @post("/session/extend")
    async def extend_session(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """One click keeps the person signed in (the request itself slid the session forward)."""
        fields = await form_fields(request)
        if viewer.session:
            person = viewer.person()
            await person.call("GET", "/me")  # renews the access token if it is due
        if is_htmx(request):  # the warning goes away; the page (and whatever is typed in it) stays
            return page(viewer, "partials/session_status.html", ends_soon=False, extended=True)
        return redirect(local_path(fields.get("next")), "session_extended")
