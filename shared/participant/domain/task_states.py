"""Where a vendor task stands, and how a vendor's answer or the clock moves it. Pure.

A vendor holds the work while its task is open (awaiting_answer, accepted, done); declined, expired
(no answer in time) and escalated tasks are out of its hands, cancelled ones withdrawn. An answer that
does not fit the task as it is now (unknown, another vendor's, closed, or to an older version) changes
nothing: it is logged and dropped, never retried.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.contracts.tasks import TaskState, VendorTaskAnswer, VendorTaskAssigned

OPEN: tuple[TaskState, ...] = ("awaiting_answer", "accepted", "done")
# the vendor let go of the work: it is never handed back to them on this booking
LET_GO: tuple[TaskState, ...] = ("declined", "expired", "escalated")

# answer (the last token of its subject) -> {state it may answer: state it leads to}
_MOVES: dict[str, dict[str, TaskState]] = {
    "accepted": {"awaiting_answer": "accepted"},
    "done": {"awaiting_answer": "done", "accepted": "done"},
    "declined": {"awaiting_answer": "declined", "accepted": "declined"},
}

MIN_NOTICE = timedelta(seconds=60)


@dataclass(frozen=True)
class AnswerWindow:
    """How long a vendor has to answer: ``seconds`` after being told, but at the latest ``margin_seconds``
    before load-in (so a missed answer leaves time to find another vendor)."""

    seconds: float = 86400.0
    margin_seconds: float = 86400.0

    def due(self, now: datetime, load_in_at: datetime) -> datetime:
        """The answer deadline of a task assigned or changed at ``now``; never less than a minute away."""
        latest = min(
            now + timedelta(seconds=self.seconds), load_in_at - timedelta(seconds=self.margin_seconds)
        )
        return max(latest, now + MIN_NOTICE)


@dataclass(frozen=True)
class Task:
    """One stored vendor task: who holds it, where it stands, the last message the vendor got about it."""

    task_id: str
    booking_id: uuid.UUID
    kind: str
    vendor_id: str
    revision: int
    state: TaskState
    version: int
    message_id: uuid.UUID | None
    answer_due: datetime | None = None
    work: VendorTaskAssigned | None = None  # the latest assigned/changed message, as the vendor got it

    @property
    def live(self) -> bool:
        return self.state in OPEN


def answer_name(answer: VendorTaskAnswer) -> str:
    """'accepted', 'declined' or 'done': the last token of the answer's subject."""
    return answer.subject.rsplit(".", 1)[1]


def after_answer(state: TaskState, answer: str) -> TaskState | None:
    """The state ``answer`` moves a task in ``state`` to; None if it cannot (a repeat, or a closed task)."""
    return _MOVES.get(answer, {}).get(state)


def refusal(answer: VendorTaskAnswer, task: Task | None) -> str | None:
    """Why ``answer`` must be ignored, or None if it applies to ``task``."""
    if task is None:
        return "unknown task"
    if (task.vendor_id, task.kind, task.booking_id) != (answer.vendor_id, answer.kind, answer.booking_id):
        return "the task belongs to another vendor or booking"
    if answer.in_reply_to is not None and answer.in_reply_to != task.message_id:
        return "stale: it answers an earlier version of the task"
    if after_answer(task.state, answer_name(answer)) is None:
        return f"a task that is {task.state} cannot be {answer_name(answer)}"
    return None
