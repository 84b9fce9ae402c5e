"""The staff desk (the manual window): find a caller (issue 12's GET /organizers), open an account for
them (POST /organizers) and book on their behalf (the wizard with ``on_behalf_of``)."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem, NotOffered
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer

STAFF = ("staff",)
ACCOUNT_FIELDS = ("name", "email", "organization", "phone", "locale", "time_zone")


def _check_account(fields: dict[str, str]) -> dict[str, str]:
    errors = {}
    if not fields.get("name"):
        errors["name"] = N_("Enter the caller's name.")
    if "@" not in fields.get("email", ""):
        errors["email"] = N_("Enter the caller's e-mail address, like name@example.org.")
    return errors


class DeskController(Controller):
    path = "/desk"
    tags = ["staff desk"]

    @get("/")
    async def find(self, viewer: NamedDependency[Viewer], q: FromQuery[str] = "") -> Template:
        """Find a caller by name, organization, e-mail or phone (GET /organizers?q=, issue 12)."""
        person = viewer.person(*STAFF)
        callers, waiting = None, None
        if q.strip():
            try:
                callers = await person.offered(
                    "GET /organizers", "GET", "/organizers", params={"q": q.strip(), "limit": 25}
                )
            except NotOffered as missing:
                waiting = missing.endpoint
        values = {"locale": "zh-CN", "time_zone": viewer.deps.config.venue_time_zone}
        return page(viewer, "desk/find.html", q=q, callers=callers, waiting=waiting, values=values, errors={})

    @post("/organizers")
    async def open_account(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """POST /organizers: an account for the caller (its API key is not shown: they sign in themselves)."""
        person = viewer.person(*STAFF)
        fields = await form_fields(request)
        errors, problem = _check_account(fields), None
        if not errors:
            body = {
                name: fields[name]
                for name in ("name", "email", "organization", "locale", "time_zone")
                if fields.get(name)
            }
            try:
                created = await person.call("POST", "/organizers", json=body)
            except ApiProblem as refused:
                errors, problem = refused.field_errors(), refused.title
            else:
                return page(viewer, "desk/opened.html", account=created["account"])
        values = {name: fields.get(name, "") for name in ACCOUNT_FIELDS}
        return page(
            viewer,
            "desk/find.html",
            422,
            q="",
            callers=None,
            waiting=None,
            values=values,
            errors=errors,
            problem=problem,
        )

    @get("/callers/{account_id:uuid}")
    async def caller(self, viewer: NamedDependency[Viewer], account_id: FromPath[uuid.UUID]) -> Template:
        """One caller with their counts (GET /organizers/{id}, issue 12)."""
        person = viewer.person(*STAFF)
        found = await person.offered("GET /organizers/{account_id}", "GET", f"/organizers/{account_id}")
        return page(viewer, "desk/opened.html", account=found)

    @post("/book-for/{account_id:uuid}")
    async def book_for(
        self, viewer: NamedDependency[Viewer], account_id: FromPath[uuid.UUID]
    ) -> Response[Any]:
        """Start the booking wizard on the caller's behalf (the venue books it as theirs)."""
        viewer.person(*STAFF)
        await viewer.deps.sessions.save_draft(viewer.key, {"on_behalf_of": str(account_id)})
        return redirect("/book/0")
