"""Activity planning: organizers ask the venue for help with a booking; staff work the tasks."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

import asyncpg
from litestar import Controller, get, patch, post
from litestar.di import Provide
from litestar.params import Parameter
from litestar.status_codes import HTTP_201_CREATED

from services.venue.domain.access import Principal, Role
from services.venue.domain.planning import TaskStatus
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.entrypoints.schemas.planning import (
    PlanningRequestCreate,
    PlanningTask,
    PlanningTaskUpdate,
)
from services.venue.handlers import planning
from shared.telemetry import trace_id_hex


def _task(row: asyncpg.Record, principal: Principal) -> PlanningTask:
    """Organizers see what they asked and where it stands; who works on it and their notes are the venue's."""
    internal = principal.role is not Role.ORGANIZER
    return PlanningTask(
        task_id=row["id"],
        booking_id=row["booking_id"],
        request=row["request"],
        contact_language=row["contact_language"],
        status=row["status"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        assignee_id=row["assignee_id"] if internal else None,
        notes=(row["notes"] or None) if internal else None,
    )


class PlanningRequestsController(Controller):
    path = "/bookings/{booking_id:uuid}/planning-requests"
    tags = ["activity planning"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = REFUSALS

    @post("/", operation_id="CreatePlanningRequest", status_code=HTTP_201_CREATED)
    async def create(
        self,
        booking_id: uuid.UUID,
        data: PlanningRequestCreate,
        deps: VenueDependencies,
        principal: Principal,
    ) -> PlanningTask:
        """Ask the venue to help plan the activity (the organizer or staff); staff get a planning task."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        row = await planning.request_planning(
            deps.database, principal, booking_id, data.request, data.contact_language, trace_id_hex()
        )
        return _task(row, principal)

    @get("/", operation_id="ListPlanningRequests")
    async def list_requests(
        self, booking_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> list[PlanningTask]:
        """The booking's planning requests and where each stands."""
        rows = await planning.planning_requests(deps.database, principal, booking_id)
        return [_task(row, principal) for row in rows]


class PlanningTasksController(Controller):
    path = "/planning-tasks"
    tags = ["activity planning"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = REFUSALS

    @get("/", operation_id="ListPlanningTasks")
    async def list_tasks(
        self,
        deps: VenueDependencies,
        principal: Principal,
        status: Literal["open", "in_progress", "done"] | None = None,
        limit: Annotated[int, Parameter(ge=1, le=500)] = 100,
    ) -> list[PlanningTask]:
        """Planning tasks, oldest first, optionally only those in one status (staff and ops)."""
        require(principal, Role.STAFF, Role.OPS)
        rows = await planning.tasks(deps.database, TaskStatus(status) if status else None, limit)
        return [_task(row, principal) for row in rows]

    @patch("/{task_id:uuid}", operation_id="UpdatePlanningTask")
    async def update(
        self,
        task_id: uuid.UUID,
        data: PlanningTaskUpdate,
        deps: VenueDependencies,
        principal: Principal,
    ) -> PlanningTask:
        """Move a task (open, in_progress, done), assign it to a staff member, or write notes (staff)."""
        require(principal, Role.STAFF)
        change = planning.TaskChange(
            status=TaskStatus(data.status) if data.status else None,
            assignee_id=data.assignee_id,
            notes=data.notes,
        )
        row = await planning.change_task(deps.database, principal, task_id, change, trace_id_hex())
        return _task(row, principal)
