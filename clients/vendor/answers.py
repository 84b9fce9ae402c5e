"""A vendor's answer to one task: whether it fits the task, the message that says it, what came of it. Pure.

Which answers a task takes repeats the platform's rule (shared/participant/domain/task_states.py) so that this client
needs only the contracts; a unit test keeps the two equal. An answer's message id is derived from the
task, the version answered and the answer: sent again (a retry, a second run), it carries the same
Nats-Msg-Id, so JetStream drops the copy, and the service would drop it anyway as already handled.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import msgspec

from shared.contracts.tasks import (
    TaskState,
    VendorTaskAccepted,
    VendorTaskAnswer,
    VendorTaskDeclined,
    VendorTaskDone,
    VendorTaskView,
)

ANSWER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wict.example/vendor-client/answers")

# command -> the answer's name (the last token of its subject)
ANSWER_OF = {"accept": "accepted", "decline": "declined", "done": "done"}
# answer -> {state it may answer: state it leads to}
MOVES: dict[str, dict[TaskState, TaskState]] = {
    "accepted": {"awaiting_answer": "accepted"},
    "done": {"awaiting_answer": "done", "accepted": "done"},
    "declined": {"awaiting_answer": "declined", "accepted": "declined"},
}
# answer -> states in which the task already is where the answer would take it (nothing to send)
SETTLED: dict[str, tuple[TaskState, ...]] = {
    "accepted": ("accepted",),
    "done": ("done",),
    "declined": ("declined", "expired", "escalated"),  # out of the vendor's hands either way
}
_WHY_NOT: dict[TaskState, str] = {
    "awaiting_answer": "it awaits your accept or decline first",
    "accepted": "you accepted it",
    "done": "you reported it done",
    "declined": "you declined it; the work went to another vendor or to the venue's staff",
    "expired": "its answer deadline passed; the work went to another vendor or to the venue's staff",
    "cancelled": "it was withdrawn (the booking was cancelled or changed)",
    "escalated": "it is out of your hands: the venue's staff took it over",
}


@dataclass(frozen=True)
class Check:
    """Whether to send an answer: ``send``; or not, because it is ``settled`` already, or ``refusal`` says why."""

    send: bool
    settled: bool = False
    refusal: str = ""


def check(view: VendorTaskView, answer: str) -> Check:
    """What to do with ``answer`` (accepted, declined, done) to the task as listed."""
    if view.state in MOVES[answer]:
        return Check(send=True)
    if view.state in SETTLED[answer]:
        return Check(send=False, settled=True)
    return Check(
        send=False, refusal=f"a task that is {view.state} cannot be {answer}: {_WHY_NOT[view.state]}"
    )


def answer_id(view: VendorTaskView, answer: str) -> uuid.UUID:
    """The same for every send of one answer to one version of the task."""
    return uuid.uuid5(ANSWER_NAMESPACE, f"{view.task_id}/{view.in_reply_to or '-'}/{answer}")


def answer_message(view: VendorTaskView, answer: str, reason: str = "") -> VendorTaskAnswer:
    """The message answering the version of the task in ``view``."""
    common: dict[str, Any] = {
        "message_id": answer_id(view, answer),
        "booking_id": view.booking_id,
        "task_id": view.task_id,
        "kind": view.kind,
        "vendor_id": view.vendor_id,
        "in_reply_to": view.in_reply_to,
    }
    if answer == "declined":
        return VendorTaskDeclined(**common, reason=reason)
    return VendorTaskAccepted(**common) if answer == "accepted" else VendorTaskDone(**common)


@dataclass(frozen=True)
class Outcome:
    """Where a sent answer stands, read from the task listed again: ``applied``, refused (``refusal``) or
    neither yet."""

    applied: bool = False
    refusal: str = ""

    @property
    def pending(self) -> bool:
        return not self.applied and not self.refusal


def outcome(before: VendorTaskView, answer: str, now: VendorTaskView | None) -> Outcome:
    """What became of ``answer`` to the task ``before``, seeing it ``now`` (None: not listed)."""
    if now is None:
        return Outcome()
    if now.state in SETTLED[answer] and now.state != before.state:
        return Outcome(applied=True)
    if now.in_reply_to != before.in_reply_to and now.state == "awaiting_answer":
        return Outcome(
            refusal="the task changed before your answer arrived: read it again (show) and answer that"
        )
    if now.state == before.state:
        return Outcome()
    return Outcome(refusal=f"the task is {now.state} now: {_WHY_NOT[now.state]}")


class AnswerResult(msgspec.Struct, frozen=True, kw_only=True):
    """What an answer command did: ``sent`` (or not, the task being ``state`` already), whether the stream
    had it already (``duplicate``), and the task's state afterwards (``sent`` when not waited for)."""

    task_id: str
    booking_id: uuid.UUID
    answer: str
    sent: bool
    duplicate: bool = False
    state: str
