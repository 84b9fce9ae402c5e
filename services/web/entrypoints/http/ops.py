"""Ops pages on the venue's ops API: health with consumer lag and outbox backlog per service, sagas by
state, stuck sagas, notification failures, dead letters (inspect, replay, discard), a booking's trace."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from services.web.domain.trace import parse_waterfall, total_ms
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer

OPS = ("ops",)
STATES = ("running", "compensating", "confirmed", "rejected", "cancelled", "option", "expired")


class OpsController(Controller):
    path = "/ops"
    tags = ["ops"]

    @get("/")
    async def health(self, viewer: NamedDependency[Viewer]) -> Template:
        """Every service's readiness, its consumers' lag and its outbox backlog (GET /ops/health)."""
        found = await viewer.person(*OPS).call("GET", "/ops/health")
        return page(viewer, "ops/health.html", health=found)

    @get("/sagas")
    async def sagas(self, viewer: NamedDependency[Viewer], request: Request[Any, Any, Any]) -> Template:
        """Sagas by state with their counts (GET /ops/sagas), and the stuck ones (GET /ops/sagas/stuck)."""
        state = request.query_params.get("state", "")
        person = viewer.person(*OPS)
        listed = await person.call(
            "GET", "/ops/sagas", params={"state": state if state in STATES else "", "limit": 50}
        )
        stuck = await person.call("GET", "/ops/sagas/stuck", params={"limit": 50})
        return page(viewer, "ops/sagas.html", listed=listed, stuck=stuck, state=state, states=STATES)

    @get("/failures")
    async def failures(self, viewer: NamedDependency[Viewer]) -> Template:
        """Notifications notify gave up on (GET /ops/notifications/failures)."""
        found = await viewer.person(*OPS).call("GET", "/ops/notifications/failures", params={"limit": 100})
        return page(viewer, "ops/failures.html", failures=found)

    @get("/dead-letters")
    async def letters(self, viewer: NamedDependency[Viewer]) -> Template:
        found = await viewer.person(*OPS).call("GET", "/ops/dead-letters", params={"limit": 200})
        return page(viewer, "ops/letters.html", letters=found)

    @get("/dead-letters/{letter_id:int}")
    async def letter(self, viewer: NamedDependency[Viewer], letter_id: FromPath[int]) -> Template:
        """One dead letter with its headers and payload (the venue audits the look)."""
        found = await viewer.person(*OPS).call("GET", f"/ops/dead-letters/{letter_id}")
        return page(viewer, "ops/letter.html", letter=found)

    @post("/dead-letters/{letter_id:int}/replay")
    async def replay(self, viewer: NamedDependency[Viewer], letter_id: FromPath[int]) -> Response[Any]:
        """Publish it again on its subject (POST /ops/dead-letters/{id}/replay)."""
        await viewer.person(*OPS).call("POST", f"/ops/dead-letters/{letter_id}/replay")
        return redirect("/ops/dead-letters", "letter_replayed")

    @post("/dead-letters/{letter_id:int}/discard")
    async def discard(self, viewer: NamedDependency[Viewer], letter_id: FromPath[int]) -> Response[Any]:
        await viewer.person(*OPS).call("DELETE", f"/ops/dead-letters/{letter_id}")
        return redirect("/ops/dead-letters", "letter_discarded")

    @post("/trace")
    async def find_trace(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """Go to a booking's trace by its number."""
        viewer.person(*OPS)
        fields = await form_fields(request)
        try:
            booking_id = uuid.UUID(fields.get("booking_id", ""))
        except ValueError:
            return redirect("/ops/sagas")
        return redirect(f"/ops/trace/{booking_id}")

    @get("/trace/{booking_id:uuid}")
    async def trace(self, viewer: NamedDependency[Viewer], booking_id: FromPath[uuid.UUID]) -> Template:
        """A booking's spans across every service as a waterfall (GET /bookings/{id}/trace), with the
        Jaeger link when the venue has one configured."""
        answer = await viewer.person(*OPS).raw("GET", f"/bookings/{booking_id}/trace")
        rows = parse_waterfall(answer.text)
        link = answer.headers.get("link", "")
        jaeger = link.split(">", 1)[0].lstrip("<") if link.startswith("<") else ""
        head = answer.text.splitlines()[0] if answer.text else ""
        return page(
            viewer,
            "ops/trace.html",
            rows=rows,
            total=total_ms(rows),
            jaeger=jaeger,
            head=head,
            booking_id=booking_id,
        )
