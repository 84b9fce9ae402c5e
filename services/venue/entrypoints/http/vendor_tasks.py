"""Vendor tasks as interpreting and catering report them: on a booking, and for the staff duty desk."""

from __future__ import annotations

import uuid
from datetime import datetime, tzinfo
from typing import Annotated, Literal
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import asyncpg
from litestar import Controller, Response, get
from litestar.datastructures import ResponseHeader
from litestar.di import Provide
from litestar.params import Parameter

from services.venue.adapters.vendor_tasks import DeskQuery
from services.venue.domain.access import Principal, Role
from services.venue.domain.vendor_tasks import cursor_after, position_of
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.schemas.vendor_tasks import DeskVendorTask, VendorTask
from services.venue.handlers.vendor_tasks import desk_tasks
from shared.contracts.tasks import TaskState
from shared.http.problems import ApiError, FieldError


def vendor_task(row: asyncpg.Record, venue_zone: tzinfo, organizer_zone: tzinfo) -> VendorTask:
    """A task row for the API, its answer deadline also in the venue's and the organizer's zones."""
    due = row["answer_due"]
    local = (
        {"venue": due.astimezone(venue_zone), "organizer": due.astimezone(organizer_zone)} if due else None
    )
    return VendorTask(
        task_id=row["task_id"],
        kind=row["kind"],
        vendor_id=row["vendor_id"],
        state=row["state"],
        reason=row["reason"],
        answer_due=due,
        answer_due_local=local,
        updated_at=row["updated_at"],
    )


def _desk_task(row: asyncpg.Record, venue_zone: tzinfo) -> DeskVendorTask:
    shown = vendor_task(row, venue_zone, ZoneInfo(row["organizer_zone"] or "UTC"))
    return DeskVendorTask(
        **{field: getattr(shown, field) for field in VendorTask.__struct_fields__},
        booking_id=row["booking_id"],
        title=row["title"],
        starts_at=row["starts_at"],
        version=row["version"],
    )


def _after(cursor: str | None) -> tuple[datetime, str] | None:
    if cursor is None:
        return None
    try:
        return position_of(cursor)
    except ValueError as error:
        raise ApiError(
            400, "Invalid query parameter", str(error), [FieldError("cursor", str(error))]
        ) from None


NEXT_PAGE = ResponseHeader(
    name="Link",
    documentation_only=True,
    description='`<…?cursor=…>; rel="next"` when more tasks may follow',
)


class VendorTaskDeskController(Controller):
    path = "/staff/vendor-tasks"
    tags = ["vendor tasks"]
    dependencies = {"principal": Provide(authenticate)}

    @get("/", operation_id="ListVendorTasks", response_headers=[NEXT_PAGE])
    async def list_tasks(
        self,
        deps: VenueDependencies,
        principal: Principal,
        task_state: Annotated[
            TaskState | None, Parameter(query="state", description="e.g. escalated")
        ] = None,
        kind: Literal["interpreting", "catering"] | None = None,
        booking_id: uuid.UUID | None = None,
        cursor: Annotated[str | None, Parameter(description="from the previous page's Link header")] = None,
        limit: Annotated[int, Parameter(ge=1, le=500)] = 100,
    ) -> Response[list[DeskVendorTask]]:
        """Vendor tasks across bookings, oldest change first; `state=escalated` is the duty desk's list (staff, ops)."""
        require(principal, Role.STAFF, Role.OPS)
        query = DeskQuery(
            state=task_state, kind=kind, booking_id=booking_id, after=_after(cursor), limit=limit
        )
        rows = await desk_tasks(deps.database, query)
        page = [_desk_task(row, deps.catalog.venue.zone) for row in rows]
        headers = {}
        if len(page) == limit:
            wanted = {
                "state": task_state,
                "kind": kind,
                "booking_id": booking_id,
                "limit": limit,
                "cursor": cursor_after(page[-1].updated_at, page[-1].task_id),
            }
            query_string = urlencode({name: value for name, value in wanted.items() if value is not None})
            headers["Link"] = f'<{self.path}?{query_string}>; rel="next"'
        return Response(page, headers=headers)
