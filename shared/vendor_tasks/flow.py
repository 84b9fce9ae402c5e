"""The vendor-task steps every participant service takes: decide, record, publish.

The service says what each vendor should now be doing (``wanted``) and what each was last told
(``known``); the decisions are the pure ones of ``revisions``, recorded with ``store``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import asyncpg

from shared.contracts.tasks import VendorTaskAssigned
from shared.db.unit_of_work import UnitOfWork
from shared.vendor_tasks import revisions, store
from shared.vendor_tasks.revisions import KnownTask, TaskStep


async def record_confirm(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    revision: int,
    wanted: Sequence[VendorTaskAssigned],
    known: list[KnownTask],
    causation_id: uuid.UUID,
    kind: str,
    namespace: uuid.UUID,
    names: dict[str, str],
) -> list[TaskStep]:
    """Assigned, changed or cancelled per vendor for the confirmed ``revision``, recorded."""
    steps = revisions.on_confirm(
        list(wanted), known, booking_id=booking_id, revision=revision, causation_id=causation_id,
        kind=kind, namespace=namespace, names=names,
    )  # fmt: skip
    await store.save(connection, booking_id, revision, steps)
    return steps


async def record_cancel(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    revision: int,
    causation_id: uuid.UUID,
    kind: str,
    namespace: uuid.UUID,
) -> list[TaskStep]:
    """The cancellation of every task live at the released, formerly firm, revision, recorded."""
    known = [
        KnownTask(row["task_id"], row["vendor_id"], row["revision"], row["live"])
        for row in await store.tasks(connection, booking_id)
    ]
    steps = revisions.on_cancel(
        known,
        booking_id=booking_id,
        revision=revision,
        causation_id=causation_id,
        kind=kind,
        namespace=namespace,
    )
    await store.save(connection, booking_id, revision, steps)
    return steps


def publish(unit: UnitOfWork, steps: list[TaskStep]) -> None:
    """Stage each step's message on the vendor's own subject."""
    for step in steps:
        if step.message is not None:
            unit.publish(step.message, subject=step.message.vendor_subject())
