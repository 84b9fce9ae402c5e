"""The agencies' side of a confirm or a cancellation: which tasks are assigned, changed or cancelled.

What an agency was told is recomputed from the revision its task is live at: that revision is the firm
one, and it still holds its seats until the confirm of a newer revision releases it (after this runs).
"""

from __future__ import annotations

import uuid

import asyncpg

from services.interpreting.adapters import repository
from services.interpreting.adapters.revisions import HOLDING, Revisions
from services.interpreting.domain.plan import PlanKey
from services.interpreting.domain.roster import Roster
from services.interpreting.domain.tasks import CHANGE_NAMES, KIND, TASK_NAMESPACE, vendor_tasks
from shared.contracts import VendorTaskAssigned
from shared.db.unit_of_work import UnitOfWork
from shared.vendor_tasks import revisions as task_revisions
from shared.vendor_tasks import store as task_store
from shared.vendor_tasks.revisions import KnownTask, TaskStep


async def on_confirm(
    connection: asyncpg.Connection,
    key: PlanKey,
    revisions: Revisions,
    causation_id: uuid.UUID,
    roster: Roster,
) -> list[TaskStep]:
    """Record and return the task steps for the confirmed revision ``key``."""
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
    steps = task_revisions.on_confirm(
        wanted, known, booking_id=key.booking_id, revision=key.revision, causation_id=causation_id,
        kind=KIND, namespace=TASK_NAMESPACE, names=CHANGE_NAMES,
    )  # fmt: skip
    await task_store.save(connection, key.booking_id, key.revision, steps)
    return steps


async def on_cancel(connection: asyncpg.Connection, key: PlanKey, causation_id: uuid.UUID) -> list[TaskStep]:
    """Record and return the cancellation of every task live at the released, formerly firm, revision."""
    known = [
        KnownTask(row["task_id"], row["vendor_id"], row["revision"], row["live"])
        for row in await task_store.tasks(connection, key.booking_id)
    ]
    steps = task_revisions.on_cancel(
        known, booking_id=key.booking_id, revision=key.revision, causation_id=causation_id, kind=KIND,
        namespace=TASK_NAMESPACE,
    )  # fmt: skip
    await task_store.save(connection, key.booking_id, key.revision, steps)
    return steps


def publish(unit: UnitOfWork, steps: list[TaskStep]) -> None:
    """Stage each step's message on the vendor's own subject."""
    for step in steps:
        if step.message is not None:
            unit.publish(step.message, subject=step.message.vendor_subject())


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
