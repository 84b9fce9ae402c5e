"""Vendor task events: what an interpreting agency or a caterer must do, and their answers.

The platform publishes on ``tasks.<kind>.<vendor_id>.<assigned|changed|cancelled>``; a vendor answers on
``tasks.<kind>.<vendor_id>.<accepted|declined|done>``. Tasks carry no guest personal data.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar, Literal

import msgspec

from shared.contracts.base import Message


class VendorTaskMessage(Message, frozen=True, kw_only=True):
    """Identity of the task and of the vendor it belongs to."""

    task_id: str
    kind: str
    vendor_id: str

    def vendor_subject(self) -> str:
        """The subject of this message in the vendor's own subject tree."""
        return self.subject.format(kind=self.kind, vendor_id=self.vendor_id)


class VendorTaskAssigned(VendorTaskMessage, frozen=True, kw_only=True):
    """Work assigned to one vendor."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.assigned"
    space_id: str
    starts_at: datetime
    ends_at: datetime
    load_in_at: datetime
    load_out_at: datetime
    summary: str
    details: dict[str, str | int | list[str]] = {}


class VendorTaskChanged(VendorTaskMessage, frozen=True, kw_only=True):
    """The task's times, place or content changed; the full new version follows."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.changed"
    space_id: str
    starts_at: datetime
    ends_at: datetime
    load_in_at: datetime
    load_out_at: datetime
    summary: str
    details: dict[str, str | int | list[str]] = {}
    changes: list[str] = []


class VendorTaskCancelled(VendorTaskMessage, frozen=True, kw_only=True):
    """The task is withdrawn (the booking was cancelled or the work reassigned)."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.cancelled"
    reason: str = ""


class VendorTaskAnswer(VendorTaskMessage, frozen=True, kw_only=True):
    """A vendor's answer to the latest version of its task (published by the vendor).

    ``in_reply_to`` is the message id of the assigned/changed message answered: an answer to a version
    the task has since left (it changed again) is stale and ignored. Without it, the answer applies to
    the task as it is now.
    """

    in_reply_to: uuid.UUID | None = None


class VendorTaskAccepted(VendorTaskAnswer, frozen=True, kw_only=True):
    """The vendor takes the task (published by the vendor)."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.accepted"


class VendorTaskDeclined(VendorTaskAnswer, frozen=True, kw_only=True):
    """The vendor cannot do the task (published by the vendor); it is reassigned or escalated."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.declined"
    reason: str


class VendorTaskDone(VendorTaskAnswer, frozen=True, kw_only=True):
    """The vendor reports the work done (published by the vendor)."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.done"


class VendorTaskEscalated(VendorTaskMessage, frozen=True, kw_only=True):
    """No vendor could take the task in time: staff must act, and the organizer is told."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.escalated"
    reason: str
    title: str = ""
    starts_at: datetime | None = None


TaskState = Literal["awaiting_answer", "accepted", "done", "declined", "expired", "cancelled", "escalated"]


class VendorTaskStateChanged(Message, frozen=True, kw_only=True):
    """Where one vendor task stands now, told by the service that owns it to the venue (one row per task).

    awaiting_answer: assigned or changed, the vendor must answer by ``answer_due``; accepted; done;
    declined / expired (no answer in time): this vendor is out, the work was reassigned or escalated;
    cancelled: withdrawn (booking cancelled or changed away); escalated: no vendor could take the work,
    staff must act. ``version`` grows with every change of the task, so a reader keeps the newest.
    """

    task_id: str
    kind: str
    vendor_id: str
    state: TaskState
    version: int
    reason: str = ""
    answer_due: datetime | None = None


class InterpretingTaskStateChanged(VendorTaskStateChanged, frozen=True, kw_only=True):
    subject: ClassVar[str] = "interpreting.evt.task_state"


class CateringTaskStateChanged(VendorTaskStateChanged, frozen=True, kw_only=True):
    subject: ClassVar[str] = "catering.evt.task_state"


# A vendor asks the service that owns its tasks for their current list (core NATS request/reply, no
# stream): the subject carries the vendor id, and NATS permissions let only that vendor publish on it.
VENDOR_TASKS_QUERY = "vendors.{kind}.{vendor_id}.tasks"


class VendorTaskQuery(msgspec.Struct, frozen=True, kw_only=True):
    """The request body of a task listing; empty means: the tasks still open."""

    include_closed: bool = False


class VendorTaskView(msgspec.Struct, frozen=True, kw_only=True):
    """One task as its vendor sees it: its state, what to answer, and the latest version of the work."""

    task_id: str
    booking_id: uuid.UUID
    kind: str
    vendor_id: str
    state: TaskState
    answer_due: datetime | None = None
    in_reply_to: uuid.UUID | None = None  # the message id an answer should name
    work: VendorTaskAssigned | None = None  # None once cancelled


class VendorTaskList(msgspec.Struct, frozen=True, kw_only=True):
    """The reply to a ``VendorTaskQuery``; ``error`` is set instead when the query could not be answered."""

    tasks: list[VendorTaskView] = []
    error: str = ""
