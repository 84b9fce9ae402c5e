"""The vendor-task steps every participant service takes: decide, record, publish.

The service says what each vendor should now be doing (``wanted``) and what each was last told
(``known``); the decisions are the pure ones of ``task_revisions``, recorded with ``store``. Every message to
a vendor that changes its task's state also tells the venue the task's new state (``News.states``).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

import asyncpg

from shared.contracts.tasks import (
    VendorTaskAssigned,
    VendorTaskCancelled,
    VendorTaskChanged,
    VendorTaskMessage,
    VendorTaskStateChanged,
)
from shared.db.unit_of_work import UnitOfWork
from shared.participant.adapters import vendor_tasks as store
from shared.participant.adapters.vendor_tasks import Told
from shared.participant.domain import task_revisions as revisions
from shared.participant.domain.outcomes import News
from shared.participant.domain.plans import PlanKey
from shared.participant.domain.task_kind import TaskKind
from shared.participant.domain.task_revisions import BOOKING_CANCELLED, KnownTask, TaskStep
from shared.telemetry import current_traceparent


def state_events(
    kind: TaskKind, rows: Sequence[asyncpg.Record], causation_id: uuid.UUID | None
) -> list[VendorTaskStateChanged]:
    """The venue's view of each changed task; the id is per (task, version), so a repeat is one event."""
    return [
        kind.state_event(
            message_id=uuid.uuid5(kind.namespace, f"{row['task_id']}/state/{row['version']}"),
            booking_id=row["booking_id"],
            causation_id=causation_id,
            task_id=row["task_id"],
            kind=kind.kind,
            vendor_id=row["vendor_id"],
            state=row["state"],
            version=row["version"],
            reason=row["state_reason"],
            answer_due=row["answer_due"],
        )
        for row in rows
    ]


def state_after(message: VendorTaskMessage, kind: TaskKind, now: datetime) -> Told:
    """The state a message puts its task in: assigned/changed await an answer, cancelled is closed."""
    if isinstance(message, VendorTaskAssigned | VendorTaskChanged):
        due = kind.window.due(now, message.load_in_at)
        return Told(
            message.task_id, message.vendor_id, message.message_id, "awaiting_answer", due, work=message
        )
    assert isinstance(message, VendorTaskCancelled), f"not a task message: {message!r}"
    return Told(message.task_id, message.vendor_id, message.message_id, "cancelled", reason=message.reason)


async def record_steps(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    revision: int,
    steps: Sequence[TaskStep],
    kind: TaskKind,
    causation_id: uuid.UUID | None,
    now: datetime | None = None,
) -> News:
    """Record where each task stands at ``revision``; the messages and state events that say so."""
    now = now or datetime.now(UTC)
    messages = [step.message for step in steps if step.message is not None]
    await store.follow(connection, booking_id, revision, [s.vendor_id for s in steps if s.message is None])
    rows = await store.record(
        connection, booking_id, revision, [state_after(m, kind, now) for m in messages], current_traceparent()
    )
    return News(messages, state_events(kind, rows, causation_id))


# (a revision, a vendor) -> what the vendor was told at that revision, if that can still be known
ToldAt = Callable[[int, str], Awaitable[VendorTaskAssigned | None]]


async def confirm_tasks(
    connection: asyncpg.Connection,
    key: PlanKey,
    wanted: Sequence[VendorTaskAssigned],
    told_at: ToldAt,
    causation_id: uuid.UUID,
    kind: TaskKind,
    rows: Sequence[asyncpg.Record] | None = None,
) -> News:
    """What the vendors must hear now that ``key`` is confirmed: the tasks it gives (``wanted``) against
    what each vendor was told (``told_at``), recorded. ``rows``: the booking's tasks, if just read."""
    if rows is None:
        rows = await store.tasks(connection, key.booking_id)
    known = await _known_tasks(rows, key.revision, told_at)
    return await record_confirm(connection, key.booking_id, key.revision, wanted, known, causation_id, kind)


async def _known_tasks(rows: Sequence[asyncpg.Record], revision: int, told_at: ToldAt) -> list[KnownTask]:
    """The booking's tasks (``store.tasks``) as their vendors know them before ``revision`` is confirmed."""
    known = []
    for row in rows:
        told = None
        if row["live"] and row["revision"] < revision:
            told = await told_at(row["revision"], row["vendor_id"])
        known.append(KnownTask(row["task_id"], row["vendor_id"], row["revision"], row["live"], told))
    return known


async def record_confirm(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    revision: int,
    wanted: Sequence[VendorTaskAssigned],
    known: list[KnownTask],
    causation_id: uuid.UUID,
    kind: TaskKind,
) -> News:
    """Assigned, changed or cancelled per vendor for the confirmed ``revision``, recorded."""
    steps = revisions.on_confirm(
        list(wanted),
        known,
        booking_id=booking_id,
        revision=revision,
        causation_id=causation_id,
        kind=kind.kind,
        namespace=kind.namespace,
        names=kind.change_names,
    )
    return await record_steps(connection, booking_id, revision, steps, kind, causation_id)


async def record_cancel(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    revision: int,
    causation_id: uuid.UUID,
    kind: TaskKind,
) -> News:
    """The cancellation of every task live at the released, formerly firm, revision, recorded; escalations
    of the booking become moot (cancelled, without a message to a vendor that is out already)."""
    known = [
        KnownTask(row["task_id"], row["vendor_id"], row["revision"], row["live"])
        for row in await store.tasks(connection, booking_id)
    ]
    steps = revisions.on_cancel(
        known,
        booking_id=booking_id,
        revision=revision,
        causation_id=causation_id,
        kind=kind.kind,
        namespace=kind.namespace,
    )
    news = await record_steps(connection, booking_id, revision, steps, kind, causation_id)
    moot = await store.close_escalated(connection, booking_id, BOOKING_CANCELLED)
    news.states += state_events(kind, moot, causation_id)
    return news


def publish(unit: UnitOfWork, news: News) -> None:
    """Stage each message to a vendor on the vendor's own subject, and each task state for the venue."""
    for message in news.to_vendors:
        unit.publish(message, subject=message.vendor_subject())
    for state in news.states:
        unit.publish(state)
