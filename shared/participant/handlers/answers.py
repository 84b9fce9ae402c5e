"""Vendors' answers (accepted, declined, done) and the answer deadline, the same in every service.

Each runs under the booking's lock, in the transaction of the message (or of the sweep): the task's
new state, the messages to vendors and the venue's state events commit together. A vendor that
declines or lets the deadline pass is out of the booking's work; the service's ``Reassign`` finds who
takes it over (each of them told in a message of its own), or says what is missing: then the task is
escalated to staff. Message ids are derived from the leaving task's new version, so they differ from
every earlier message about the same revision and a repeat can never tell anyone twice.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import asyncpg
import msgspec

from shared.contracts.tasks import (
    TaskState,
    VendorTaskAnswer,
    VendorTaskAssigned,
    VendorTaskCancelled,
    VendorTaskChanged,
    VendorTaskDeclined,
    VendorTaskEscalated,
    VendorTaskMessage,
)
from shared.db.unit_of_work import UnitOfWork
from shared.participant.adapters import vendor_tasks as store
from shared.participant.domain.outcomes import News, Takeover
from shared.participant.domain.task_kind import TaskKind
from shared.participant.domain.task_revisions import changes
from shared.participant.domain.task_states import Task, after_answer, answer_name, refusal
from shared.participant.handlers.task_news import publish, state_after, state_events
from shared.telemetry import current_traceparent

log = logging.getLogger(__name__)


# (connection, the leaving task, vendors never to ask again on this booking, causation) -> Takeover
Reassign = Callable[[asyncpg.Connection, Task, frozenset[str], uuid.UUID | None], Awaitable[Takeover]]


async def on_answer(
    unit: UnitOfWork,
    answer: VendorTaskAnswer,
    kind: TaskKind,
    reassign: Reassign,
    now: datetime | None = None,
) -> None:
    """Apply a vendor's answer to its task, or log why it does not apply (and change nothing)."""
    connection = unit.connection
    await store.lock_booking(connection, answer.booking_id)
    task = await store.task(connection, answer.task_id, kind.kind)
    fields = {"task_id": answer.task_id, "vendor_id": answer.vendor_id, "answer": answer_name(answer)}
    why = refusal(answer, task)
    if task is None or why is not None:
        log.info("vendor answer ignored", extra={"fields": {**fields, "why": why}})
        return
    state = after_answer(task.state, answer_name(answer))
    assert state is not None
    if isinstance(answer, VendorTaskDeclined):
        news = await hand_over(
            connection, kind, task, "declined", answer.reason, reassign, answer.message_id, now
        )
    else:
        row = await store.set_state(connection, task.task_id, state, "")
        news = News(states=state_events(kind, [row], answer.message_id))
    publish(unit, news)
    log.info("vendor answer applied", extra={"fields": {**fields, "state": news.states[0].state}})


async def hand_over(
    connection: asyncpg.Connection,
    kind: TaskKind,
    task: Task,
    leaving: TaskState,
    reason: str,
    reassign: Reassign,
    causation_id: uuid.UUID | None,
    now: datetime | None = None,
) -> News:
    """``task``'s vendor is out (``leaving``: declined or expired): the work goes to others, or to staff."""
    now = now or datetime.now(UTC)
    never_again = frozenset(await store.let_go(connection, task.booking_id) | {task.vendor_id})
    takeover = await reassign(connection, task, never_again, causation_id)
    final: TaskState = "escalated" if takeover.missing else leaving
    final_reason = takeover.missing or reason
    notice = None
    if leaving == "expired":  # the silent vendor must still learn the work is no longer theirs
        notice = _withdrawn(
            kind, task, causation_id, "escalated to the venue's staff" if takeover.missing else "reassigned"
        )
    row = await store.set_state(
        connection, task.task_id, final, final_reason, notice.message_id if notice else None
    )
    news = News(states=state_events(kind, [row], causation_id))
    if notice is not None:
        news.to_vendors.append(notice)
    if takeover.missing:
        news.to_vendors.append(_escalation(kind, task, takeover.missing, row["version"], causation_id))
    after = f"after/{task.task_id}/{row['version']}"
    for work in takeover.tasks:
        news += await take_over(connection, kind, work, task.revision, after, causation_id, now)
    log.info(
        "vendor task handed over",
        extra={
            "fields": {"task_id": task.task_id, "state": final, "to": [w.vendor_id for w in takeover.tasks]}
        },
    )
    return news


async def take_over(
    connection: asyncpg.Connection,
    kind: TaskKind,
    work: VendorTaskAssigned,
    revision: int,
    after: str,
    causation_id: uuid.UUID | None,
    now: datetime,
) -> News:
    """Tell the vendor taking over its whole task: changed if it already holds work on the booking, else assigned."""
    current = await store.task_of(connection, work.booking_id, work.vendor_id, kind.kind)
    task_id = current.task_id if current else work.task_id
    message: VendorTaskMessage
    if current is not None and current.live:
        content = {name: getattr(work, name) for name in work.__struct_fields__}
        content |= {"task_id": task_id, "causation_id": causation_id}
        content["message_id"] = kind.message_id(task_id, revision, f"changed/{after}")
        message = VendorTaskChanged(**content, changes=changes(current.work, work, kind.change_names))
    else:
        message = msgspec.structs.replace(
            work,
            task_id=task_id,
            causation_id=causation_id,
            message_id=kind.message_id(task_id, revision, f"assigned/{after}"),
        )
    rows = await store.record(
        connection, work.booking_id, revision, [state_after(message, kind, now)], current_traceparent()
    )
    return News([message], state_events(kind, rows, causation_id))


async def escalate(
    connection: asyncpg.Connection, kind: TaskKind, task: Task, missing: str, causation_id: uuid.UUID | None
) -> News:
    """No vendor can take ``task``'s work: staff must act (and the organizer is told, by notify)."""
    row = await store.set_state(connection, task.task_id, "escalated", missing)
    escalation = _escalation(kind, task, missing, row["version"], causation_id)
    return News([escalation], state_events(kind, [row], causation_id))


def no_answer(task: Task) -> str:
    """Why a silent vendor's task expired: ``no answer by 2027-03-01 06:00 UTC``."""
    return f"no answer by {task.answer_due:%Y-%m-%d %H:%M} UTC" if task.answer_due else "no answer in time"


def _withdrawn(kind: TaskKind, task: Task, causation_id: uuid.UUID | None, what: str) -> VendorTaskCancelled:
    return VendorTaskCancelled(
        message_id=kind.message_id(task.task_id, task.revision, f"cancelled/expired/{task.version}"),
        booking_id=task.booking_id,
        causation_id=causation_id,
        task_id=task.task_id,
        kind=kind.kind,
        vendor_id=task.vendor_id,
        reason=f"{no_answer(task)}: {what}",
    )


def _escalation(
    kind: TaskKind, task: Task, missing: str, version: int, causation_id: uuid.UUID | None
) -> VendorTaskEscalated:
    return VendorTaskEscalated(
        message_id=kind.message_id(task.task_id, task.revision, f"escalated/{version}"),
        booking_id=task.booking_id,
        causation_id=causation_id,
        task_id=task.task_id,
        kind=kind.kind,
        vendor_id=task.vendor_id,
        reason=missing,
        title=task.work.summary if task.work else "",
        starts_at=task.work.starts_at if task.work else None,
    )
