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
from shared.vendor_tasks import flow
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
    return await flow.record_confirm(
        connection,
        key.booking_id,
        key.revision,
        wanted,
        known,
        causation_id,
        KIND,
        TASK_NAMESPACE,
        CHANGE_NAMES,
    )


async def on_cancel(connection: asyncpg.Connection, key: PlanKey, causation_id: uuid.UUID) -> list[TaskStep]:
    """Record and return the cancellation of every task live at the released, formerly firm, revision."""
    return await flow.record_cancel(
        connection, key.booking_id, key.revision, causation_id, KIND, TASK_NAMESPACE
    )


publish = flow.publish


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
