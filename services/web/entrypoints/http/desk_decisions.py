"""The desk's decisions: the approvals queue with deadlines, and closures with the bookings they hit."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from services.web.domain import refusals
from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer

STAFF = ("staff",)


def _closure_body(fields: dict[str, str], zone: ZoneInfo) -> tuple[dict[str, Any], dict[str, str]]:
    errors: dict[str, str] = {}
    try:
        starts = datetime.combine(
            date.fromisoformat(fields.get("from_day", "")),
            time.fromisoformat(fields.get("from_time") or "08:00"),
            zone,
        )
        ends = datetime.combine(
            date.fromisoformat(fields.get("to_day", "")),
            time.fromisoformat(fields.get("to_time") or "22:00"),
            zone,
        )
    except ValueError:
        return {}, {"from_day": N_("Enter the first and last day of the closure.")}
    if ends <= starts:
        errors["to_day"] = N_("The closure must end after it starts.")
    if not 1 <= len(fields.get("reason", "")) <= 200:
        errors["reason"] = N_("Give a reason (it is shown publicly).")
    body = {"starts_at": starts.isoformat(), "ends_at": ends.isoformat(), "reason": fields.get("reason", "")}
    if fields.get("space_id"):
        body["space_id"] = fields["space_id"]
    return body, errors


class DeskDecisionsController(Controller):
    path = "/desk"
    tags = ["staff desk"]

    @get("/approvals")
    async def approvals(self, viewer: NamedDependency[Viewer]) -> Template:
        """Bookings waiting for a staff decision, the nearest deadline first (GET /approvals)."""
        pending = await viewer.person(*STAFF).call("GET", "/approvals")
        spaces = {space["id"]: space for space in await viewer.deps.spaces.get()}
        pending = sorted(pending, key=lambda row: row["decide_by"])
        return page(viewer, "desk/approvals.html", pending=pending, spaces=spaces, now=datetime.now(UTC))

    @post("/approvals/{booking_id:uuid}")
    async def decide(
        self,
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Viewer],
        booking_id: FromPath[uuid.UUID],
    ) -> Response[Any]:
        """Approve or reject (POST /bookings/{id}/approval); a rejection's reason goes to the organizer."""
        fields = await form_fields(request)
        decision = "approve" if fields.get("decision") == "approve" else "reject"
        body = {"decision": decision, "reason": fields.get("reason", "")[:500]}
        await viewer.person(*STAFF).call("POST", f"/bookings/{booking_id}/approval", json=body)
        return redirect("/desk/approvals", "approved" if decision == "approve" else "rejected")

    @get("/closures")
    async def closures(self, viewer: NamedDependency[Viewer]) -> Template:
        """Closures and blackouts (GET /closures), and the form for a new one."""
        listed = await viewer.person(*STAFF).call("GET", "/closures")
        spaces = await viewer.deps.spaces.get()
        return page(
            viewer, "desk/closures.html", closures=listed, spaces=spaces, values={}, errors={}, preview=None
        )

    @post("/closures")
    async def close(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Response[Any]:
        """First a dry run listing the bookings the closure would hit; then, confirmed, the closure."""
        person = viewer.person(*STAFF)
        fields = await form_fields(request)
        body, errors = _closure_body(fields, ZoneInfo(viewer.deps.config.venue_time_zone))
        preview, problem = None, None
        if not errors:
            confirmed = fields.get("confirm") == "yes"
            try:
                answer = await person.call(
                    "POST", "/closures", json=body, params={"dry_run": "false" if confirmed else "true"}
                )
            except ApiProblem as refused:
                errors = refusals.field_messages(refused.errors)
                problem = refusals.problem_message(refused.status)
            else:
                if confirmed:
                    return redirect("/desk/closures", "closure_created")
                preview = answer
        listed = await person.call("GET", "/closures")
        spaces = await viewer.deps.spaces.get()
        status = 422 if errors else 200
        return page(
            viewer,
            "desk/closures.html",
            status,
            closures=listed,
            spaces=spaces,
            values=fields,
            errors=errors,
            preview=preview,
            problem=problem,
        )

    @post("/closures/{closure_id:uuid}/remove")
    async def reopen(self, viewer: NamedDependency[Viewer], closure_id: FromPath[uuid.UUID]) -> Response[Any]:
        await viewer.person(*STAFF).call("DELETE", f"/closures/{closure_id}")
        return redirect("/desk/closures", "closure_removed")
