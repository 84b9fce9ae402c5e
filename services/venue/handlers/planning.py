"""Use cases of activity planning: the organizer asks for help, staff work the task; audited on the booking."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from msgspec import UNSET, UnsetType

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal, Role
from services.venue.domain.booking import Violation
from services.venue.domain.planning import CLOSED_BOOKING_STATUSES, TaskStatus, may_move
from services.venue.handlers.errors import Conflict, Invalid, NotFound
from services.venue.handlers.views import visible_booking


@dataclass(frozen=True)
class TaskChange:
    status: TaskStatus | None = None
    assignee_id: uuid.UUID | UnsetType | None = UNSET  # None unassigns; UNSET keeps the assignee
    notes: str | None = None


async def request_planning(
    database: VenueDatabase,
    principal: Principal,
    booking_id: uuid.UUID,
    request: str,
    contact_language: str | None,
    trace_id: str,
) -> Any:
    """A planning task for staff; the contact language defaults to the organizer's."""
    async with database.transaction() as unit:
        booking = await visible_booking(unit, principal, booking_id, lock="FOR SHARE")
        if booking["status"] in CLOSED_BOOKING_STATUSES:
            raise Conflict(f"booking {booking_id} is {booking['status']}: it needs no planning")
        language = contact_language or booking["organizer"].get("locale", "en")
        task = await unit.planning.insert_task(booking_id, principal.actor, request, language)
        await unit.audit.record(
            booking_id,
            principal.actor,
            "planning_requested",
            {"task_id": str(task["id"]), "contact_language": language},
            trace_id,
        )
    return task


async def planning_requests(
    database: VenueDatabase, principal: Principal, booking_id: uuid.UUID
) -> list[Any]:
    async with database.autocommit() as unit:
        await visible_booking(unit, principal, booking_id)
        return await unit.planning.tasks_of_booking(booking_id)


async def change_task(
    database: VenueDatabase, principal: Principal, task_id: uuid.UUID, change: TaskChange, trace_id: str
) -> Any:
    """Move, assign or annotate a task (staff); Conflict for a move the task's state does not allow."""
    async with database.transaction() as unit:
        task = await unit.planning.lock_task(task_id)
        if task is None:
            raise NotFound(f"planning task {task_id} does not exist")
        current = TaskStatus(task["status"])
        status = change.status or current
        if not may_move(current, status):
            raise Conflict(f"a task that is {current} cannot become {status}")
        assignee = task["assignee_id"] if isinstance(change.assignee_id, UnsetType) else change.assignee_id
        if assignee is not None and assignee != task["assignee_id"]:
            account = await unit.accounts.account(assignee)
            if account is None or account.role is not Role.STAFF:
                raise Invalid([Violation("assignee_id", "no such venue staff account")])
        notes = task["notes"] if change.notes is None else change.notes
        updated = await unit.planning.update_task(task_id, status.value, assignee, notes)
        detail = {"task_id": str(task_id), "status": status.value, "assignee_id": assignee and str(assignee)}
        await unit.audit.record(
            task["booking_id"], principal.actor, "planning_task_updated", detail, trace_id
        )
    return updated


async def tasks(database: VenueDatabase, status: TaskStatus | None, limit: int) -> list[Any]:
    """The staff's work list, oldest first."""
    async with database.autocommit() as unit:
        return await unit.planning.tasks(status.value if status else None, limit)
