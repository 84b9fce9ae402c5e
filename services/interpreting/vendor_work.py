"""The agencies' side of a confirm, a cancellation or an agency that drops out.

What an agency was told is recomputed from the revision its task is live at: that revision is the firm
one, and it still holds its seats until the confirm of a newer revision releases it (after this runs).
An agency that declined or let a deadline pass on a booking is never handed its work again: its seats
go to interpreters of other agencies, or the work is escalated to staff.
"""

from __future__ import annotations

import uuid

import asyncpg

from services.interpreting.adapters import repository
from services.interpreting.adapters.revisions import HOLDING, Revisions, revisions
from services.interpreting.adapters.takeover import move_seats
from services.interpreting.domain.plan import PlanKey
from services.interpreting.domain.roster import Roster
from services.interpreting.domain.takeover import uncovered_reason
from services.interpreting.domain.tasks import vendor_tasks
from shared.contracts import VendorTaskAssigned
from shared.vendor_tasks import flow
from shared.vendor_tasks import store as task_store
from shared.vendor_tasks.answers import Reassign, Takeover, escalate
from shared.vendor_tasks.flow import News
from shared.vendor_tasks.kind import TaskKind
from shared.vendor_tasks.revisions import KnownTask
from shared.vendor_tasks.states import LET_GO, Task


async def on_confirm(
    connection: asyncpg.Connection,
    key: PlanKey,
    revisions: Revisions,
    causation_id: uuid.UUID,
    roster: Roster,
    kind: TaskKind,
) -> News:
    """Record and return the task news for the confirmed revision ``key``."""
    news = await _without_leavers(connection, key, revisions, causation_id, roster, kind)
    wanted = await _tasks_at(connection, key, revisions, causation_id, roster)
    known = []
    told_at: dict[int, dict[str, VendorTaskAssigned]] = {}
    for row in await task_store.tasks(connection, key.booking_id):
        told = None
        if row["live"] and row["revision"] < key.revision:
            if row["revision"] not in told_at:
                earlier = PlanKey(key.booking_id, row["revision"])
                tasks = await _tasks_at(connection, earlier, revisions, None, roster)
                told_at[row["revision"]] = {task.vendor_id: task for task in tasks}
            told = told_at[row["revision"]].get(row["vendor_id"])
        known.append(KnownTask(row["task_id"], row["vendor_id"], row["revision"], row["live"], told))
    news += await flow.record_confirm(
        connection, key.booking_id, key.revision, wanted, known, causation_id, kind
    )
    return news


async def on_cancel(
    connection: asyncpg.Connection, key: PlanKey, causation_id: uuid.UUID, kind: TaskKind
) -> News:
    """Record and return the cancellation of every task live at the released, formerly firm, revision."""
    return await flow.record_cancel(connection, key.booking_id, key.revision, causation_id, kind)


publish = flow.publish


def reassigner(roster: Roster) -> Reassign:
    """The hand-over of an agency's seats (at its task's revision) to other agencies, or what is missing."""

    async def reassign(
        connection: asyncpg.Connection,
        task: Task,
        never_again: frozenset[str],
        causation_id: uuid.UUID | None,
    ) -> Takeover:
        key = PlanKey(task.booking_id, task.revision)
        known = await revisions(connection, task.booking_id)
        row = known.get(task.revision)
        if row is None or row["status"] not in HOLDING:
            return Takeover(missing=f"the interpretation plan of revision {task.revision} is no longer held")
        plan = repository.plan_of(row, roster.load_minutes)
        before = {seat.interpreter_id for seat in await repository.seats(connection, key)}
        uncovered = await move_seats(connection, key, plan, task.vendor_id, never_again, roster)
        if uncovered:
            return Takeover(missing=uncovered_reason(uncovered, plan.starts_at, plan.ends_at, roster.zone))
        after = await repository.seats(connection, key)
        gaining = {seat.vendor_id for seat in after if seat.interpreter_id not in before}
        tasks = vendor_tasks(key.booking_id, plan, after, causation_id, roster.zone, key.revision)
        return Takeover([task for task in tasks if task.vendor_id in gaining])

    return reassign


async def _without_leavers(
    connection: asyncpg.Connection,
    key: PlanKey,
    revisions: Revisions,
    causation_id: uuid.UUID,
    roster: Roster,
    kind: TaskKind,
) -> News:
    """Seats at ``key`` still held by agencies that let go of the booking since it was reserved (a change
    reserved before a decline) go to other agencies before anyone is told; if they cannot, staff act."""
    news = News()
    leavers = {row["vendor_id"]: row for row in await task_store.tasks(connection, key.booking_id)}
    never_again = frozenset(vendor for vendor, row in leavers.items() if row["state"] in LET_GO)
    seated = {seat.vendor_id for seat in await repository.seats(connection, key)}
    row = revisions.get(key.revision)
    if not never_again & seated or row is None:
        return news
    plan = repository.plan_of(row, roster.load_minutes)
    for vendor in sorted(never_again & seated):
        uncovered = await move_seats(connection, key, plan, vendor, never_again, roster)
        task = await task_store.task(connection, leavers[vendor]["task_id"], kind.kind)
        if uncovered and task is not None and task.state != "escalated":
            reason = uncovered_reason(uncovered, plan.starts_at, plan.ends_at, roster.zone)
            news += await escalate(connection, kind, task, reason, causation_id)
    return news


async def _tasks_at(
    connection: asyncpg.Connection,
    key: PlanKey,
    revisions: Revisions,
    causation_id: uuid.UUID | None,
    roster: Roster,
) -> list[VendorTaskAssigned]:
    """The tasks revision ``key`` gives the agencies (none if it no longer holds anything)."""
    row = revisions.get(key.revision)
    if row is None or row["status"] not in HOLDING:
        return []
    plan = repository.plan_of(row, roster.load_minutes)
    seats = await repository.seats(connection, key)
    return vendor_tasks(key.booking_id, plan, seats, causation_id, roster.zone, key.revision)
