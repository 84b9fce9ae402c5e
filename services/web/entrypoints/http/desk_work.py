"""The desk's work lists: planning tasks, vendor tasks and escalations, a guest list revealed for a
stated purpose (audited by the venue), and the reports with their downloads."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from services.web.domain import reports
from services.web.domain.formatting import parse_moment
from services.web.domain.messages import N_, PURPOSE
from services.web.domain.problems import ApiProblem, Unreachable
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer

STAFF = ("staff",)
STAFF_OR_OPS = ("staff", "ops")
DOWNLOADS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class DeskWorkController(Controller):
    path = "/desk"
    tags = ["staff desk"]

    @get("/planning")
    async def planning(self, viewer: NamedDependency[Viewer], status: FromQuery[str] = "open") -> Template:
        """Planning requests organizers sent (GET /planning-tasks)."""
        params = {"status": status if status in ("open", "in_progress", "done") else "", "limit": 100}
        tasks = await viewer.person(*STAFF).call("GET", "/planning-tasks", params=params)
        return page(viewer, "desk/planning.html", tasks=tasks, status=status)

    @post("/planning/{task_id:uuid}")
    async def update_task(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer], task_id: FromPath[uuid.UUID]
    ) -> Response[Any]:
        """PATCH /planning-tasks/{id}: take it, note what was agreed, mark it done."""
        fields = await form_fields(request)
        body: dict[str, Any] = {}
        if fields.get("status") in ("open", "in_progress", "done"):
            body["status"] = fields["status"]
        if fields.get("notes"):
            body["notes"] = fields["notes"][:2000]
        if fields.get("take") == "yes" and viewer.session:
            body["assignee_id"] = str(viewer.session.account_id)
        await viewer.person(*STAFF).call("PATCH", f"/planning-tasks/{task_id}", json=body)
        return redirect("/desk/planning", "task_updated")

    @get("/vendor-tasks")
    async def vendor_tasks(
        self, viewer: NamedDependency[Viewer], request: Request[Any, Any, Any]
    ) -> Template:
        """Vendors' tasks and their answers; escalations first (GET /staff/vendor-tasks)."""
        state, kind = request.query_params.get("state", ""), request.query_params.get("kind", "")
        params = {"state": state, "kind": kind if kind in ("interpreting", "catering") else "", "limit": 100}
        tasks = await viewer.person(*STAFF).call("GET", "/staff/vendor-tasks", params=params)
        tasks = sorted(tasks, key=lambda task: (task["state"] != "escalated", task.get("answer_due") or "~"))
        return page(viewer, "desk/vendor_tasks.html", tasks=tasks, state=state, kind=kind)

    @get("/guests")
    async def reveal_form(self, viewer: NamedDependency[Viewer]) -> Template:
        """Ask for a booking's full guest data, with a purpose from the closed list."""
        viewer.person(*STAFF)
        return page(viewer, "desk/guests.html", purposes=PURPOSE, revealed=None, values={}, errors={})

    @post("/guests")
    async def reveal(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Template:
        """GET /bookings/{id}/guests?reveal=passport&purpose=...: the venue audits the read. The page is
        the answer to a POST, so the numbers never sit in a URL or the browser's history."""
        person = viewer.person(*STAFF)
        fields = await form_fields(request)
        errors = {}
        try:
            booking_id = uuid.UUID(fields.get("booking_id", ""))
        except ValueError:
            errors["booking_id"] = N_("Enter the booking number shown on the booking (36 characters).")
        if fields.get("purpose") not in PURPOSE:
            errors["purpose"] = N_("Choose why you need the data.")
        if errors:
            return page(
                viewer, "desk/guests.html", 422, purposes=PURPOSE, revealed=None, values=fields, errors=errors
            )
        params = {"reveal": "passport", "purpose": fields["purpose"]}
        revealed = await person.call("GET", f"/bookings/{booking_id}/guests", params=params)
        return page(viewer, "desk/guests.html", purposes=PURPOSE, revealed=revealed, values=fields, errors={})

    @get("/reports")
    async def show_reports(
        self, viewer: NamedDependency[Viewer], start: FromQuery[str] = "", end: FromQuery[str] = ""
    ) -> Template:
        """The performance sheet (GET /stats) and the reports (GET /reports/*), as charts with their
        figures in tables, and their downloads; this month unless another period is chosen."""
        person = viewer.person(*STAFF_OR_OPS)
        query, errors = reports.period(start, end, datetime.now(UTC).date())
        figures = {
            name: await person.call("GET", f"/reports/{name}", params=query) for name in reports.REPORTS
        }
        shown = figures["bookings"]
        first, last = _venue_day(shown["starts_at"], viewer), _last_day(shown["ends_at"], viewer)
        stats = await person.call("GET", "/stats", params={"from": first, "to": last})
        spaces = {space["id"]: space for space in await viewer.deps.spaces.get()}
        try:
            menus = {menu["id"]: menu["name"] for menu in await viewer.deps.menus.get()}
        except (ApiProblem, Unreachable):  # the menu's id names it well enough
            menus = {}
        return page(
            viewer,
            "desk/reports.html",
            422 if errors else 200,
            stats=stats,
            figures=figures,
            charts=_charts(figures),
            first=first,
            last=last,
            values={"start": start, "end": end},
            errors=errors,
            download_query=urlencode({"start": start, "end": end} if query else {}),
            spaces=spaces,
            menus=menus,
        )

    @get("/reports/{report:str}/{fmt:str}")
    async def download(
        self,
        viewer: NamedDependency[Viewer],
        report: FromPath[str],
        fmt: FromPath[str],
        start: FromQuery[str] = "",
        end: FromQuery[str] = "",
    ) -> Response[bytes]:
        """A report as CSV or XLSX (the venue's, by Accept; its headers in the account's language)."""
        if report not in reports.REPORTS or fmt not in DOWNLOADS:
            raise NotFoundException(report)
        query, _ = reports.period(start, end, datetime.now(UTC).date())
        answer = await viewer.person(*STAFF_OR_OPS).raw(
            "GET",
            f"/reports/{report}",
            params=query,
            headers={"Accept": DOWNLOADS[fmt]},
        )
        filename = f"wict-{report}-{query.get('from', 'this-month')}.{fmt}"
        return Response(
            answer.content,
            media_type=DOWNLOADS[fmt],
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )


def _venue_day(moment: str, viewer: Viewer) -> str:
    """The day a report starts on, on the venue's clock (its midnight is the evening before in UTC)."""
    return parse_moment(moment).astimezone(ZoneInfo(viewer.deps.config.venue_time_zone)).date().isoformat()


def _last_day(ends_at: str, viewer: Viewer) -> str:
    """The report's last day on the venue's clock (it ends at the next midnight)."""
    end = parse_moment(ends_at).astimezone(ZoneInfo(viewer.deps.config.venue_time_zone))
    return (end - timedelta(microseconds=1)).date().isoformat()


def _charts(figures: dict[str, Any]) -> dict[str, Any]:
    return {
        "utilisation": reports.utilisation(figures["utilisation"]),
        "by_status": reports.bookings_by_status(figures["bookings"]),
        "by_country": reports.bookings_by_country(figures["bookings"]),
        "revenue": reports.revenue(figures["revenue"]),
        "addons": reports.addons(figures["addons"]),
    }
