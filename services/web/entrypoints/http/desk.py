"""The staff desk (the manual window): find a caller (GET /organizers?q=), open an account for them
(POST /organizers), their page with their bookings (GET /organizers/{id}, GET /bookings?organizer_id=),
switch their account off and on, and book on their behalf (the wizard with ``on_behalf_of``)."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from services.web.domain import profile, refusals
from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer

STAFF = ("staff",)
ACCOUNT_FIELDS = ("name", "email", "organization", "phone", "country", "locale", "time_zone")


def _check_account(fields: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    errors = {}
    if not fields.get("name"):
        errors["name"] = N_("Enter the caller's name.")
    if "@" not in fields.get("email", ""):
        errors["email"] = N_("Enter the caller's e-mail address, like name@example.org.")
    phone = profile.phone_number(fields.get("phone", ""))
    if phone and not (phone.startswith("+") and phone[1:].isdigit() and 8 <= len(phone) <= 16):
        errors["phone"] = N_("Enter the phone number with its country code, like +86 23 6000 0000.")
    country = fields.get("country", "").upper()
    if country and not (len(country) == 2 and country.isalpha()):
        errors["country"] = N_("Enter the country as two letters, like MY or AU.")
    if not profile.valid_zone(fields.get("time_zone", "")):
        errors["time_zone"] = N_("Enter a time zone from the list, like Asia/Shanghai or Europe/Berlin.")
    body = {name: fields.get(name) for name in ("name", "email", "organization", "locale", "time_zone")}
    body |= {"phone": phone or None, "country": country or None}
    return {name: value for name, value in body.items() if value}, errors


class DeskController(Controller):
    path = "/desk"
    tags = ["staff desk"]

    @get("/")
    async def find(
        self, viewer: NamedDependency[Viewer], q: FromQuery[str] = "", cursor: FromQuery[str] = ""
    ) -> Template:
        """Find a caller by name, organization, e-mail or phone (GET /organizers?q=)."""
        person = viewer.person(*STAFF)
        text, found, errors = q.strip()[:200], None, {}
        if len(text) == 1 and text.isascii():
            errors["q"] = N_("Type at least 2 letters or digits.")
        elif text:
            params = {"q": text, "limit": 25, "cursor": cursor[:600] or None}
            found = await person.listing("/organizers", params)
        values = {"locale": "zh-CN", "time_zone": viewer.deps.config.venue_time_zone}
        return page(
            viewer,
            "desk/find.html",
            q=text,
            found=found,
            cursor=cursor,
            search_errors=errors,
            values=values,
            errors={},
            zones=profile.ZONES,
        )

    @post("/organizers")
    async def open_account(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """POST /organizers: an account for the caller; they sign in with a link or set a password."""
        person = viewer.person(*STAFF)
        fields = await form_fields(request)
        body, errors = _check_account(fields)
        problem = None
        if not errors:
            try:
                created = await person.call("POST", "/organizers", json=body)
            except ApiProblem as refused:
                errors = {f: refusals.field_message(f) for f in refused.field_errors() if f in ACCOUNT_FIELDS}
                if refused.status == 409:
                    errors = {
                        "email": N_("An account uses this e-mail address already: search for it above.")
                    }
                problem = None if errors else N_("The account could not be opened. Please try again.")
            else:
                return redirect(f"/desk/callers/{created['account']['account_id']}", "organizer_created")
        return page(
            viewer,
            "desk/find.html",
            422,
            q="",
            found=None,
            cursor="",
            search_errors={},
            values={name: fields.get(name, "") for name in ACCOUNT_FIELDS},
            errors=errors,
            problem=problem,
            zones=profile.ZONES,
        )

    @get("/callers/{account_id:uuid}")
    async def caller(
        self, viewer: NamedDependency[Viewer], account_id: FromPath[uuid.UUID], cursor: FromQuery[str] = ""
    ) -> Template:
        """One caller with their counts and their bookings, a page at a time."""
        person = viewer.person(*STAFF)
        found = await person.call("GET", f"/organizers/{account_id}")
        params = {"organizer_id": str(account_id), "sort": "-starts_at", "limit": 20}
        bookings = await person.listing("/bookings", params | {"cursor": cursor[:600] or None})
        spaces = {space["id"]: space for space in await viewer.deps.spaces.get()}
        return page(
            viewer, "desk/caller.html", account=found, bookings=bookings, spaces=spaces, cursor=cursor
        )

    @post("/callers/{account_id:uuid}/{action:str}")
    async def switch(
        self, viewer: NamedDependency[Viewer], account_id: FromPath[uuid.UUID], action: FromPath[str]
    ) -> Response[Any]:
        """POST /organizers/{id}/disable or /enable: a switched-off account cannot sign in or book."""
        if action not in ("disable", "enable"):
            return redirect(f"/desk/callers/{account_id}")
        await viewer.person(*STAFF).call("POST", f"/organizers/{account_id}/{action}")
        notice = "organizer_disabled" if action == "disable" else "organizer_enabled"
        return redirect(f"/desk/callers/{account_id}", notice)

    @post("/book-for/{account_id:uuid}")
    async def book_for(
        self, viewer: NamedDependency[Viewer], account_id: FromPath[uuid.UUID]
    ) -> Response[Any]:
        """Start the booking wizard on the caller's behalf (the venue books it as theirs)."""
        person = viewer.person(*STAFF)
        caller = await person.call("GET", f"/organizers/{account_id}")
        draft = {"on_behalf_of": str(account_id), "on_behalf_of_name": caller["name"]}
        await viewer.deps.sessions.save_draft(viewer.key, draft)
        return redirect("/book/0")
