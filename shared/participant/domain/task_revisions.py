"""How a booking's vendor tasks follow its plan revisions: assigned, changed, cancelled, each said once.

Pure and the same in every service that hands out vendor tasks (a candidate for ``shared/``). A task is
stable per (booking, vendor); each message about it has the id (task, revision, event), so confirming a
revision twice, or a redelivery, can never tell a vendor the same thing twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import msgspec

from shared.contracts import VendorTaskAssigned, VendorTaskCancelled, VendorTaskChanged
from shared.contracts.tasks import VendorTaskMessage

BOOKING_CHANGED = "the booking changed"
BOOKING_CANCELLED = "the booking was cancelled"
_COMPARED = ("space_id", "starts_at", "ends_at", "load_in_at", "load_out_at")


def message_id(namespace: uuid.UUID, task_id: str, revision: int, event: str) -> uuid.UUID:
    """The id of the ``event`` ('assigned', 'changed', 'cancelled') of a task at a plan revision."""
    return uuid.uuid5(namespace, f"{task_id}/{revision}/{event}")


@dataclass(frozen=True)
class KnownTask:
    """A task the vendor has heard of: live since ``revision``, or cancelled; ``told`` is what they were told."""

    task_id: str
    vendor_id: str
    revision: int
    live: bool
    told: VendorTaskAssigned | None = None


@dataclass(frozen=True)
class TaskStep:
    """Where a task stands after a confirm or a cancellation, and the message that says so (None: no news)."""

    task_id: str
    vendor_id: str
    live: bool
    message: VendorTaskMessage | None


def changes(told: VendorTaskAssigned | None, new: VendorTaskAssigned, names: Mapping[str, str]) -> list[str]:
    """What changed between two versions of a task, named by ``names`` (a field or detail key -> a change)."""
    if told is None:  # we cannot tell what the vendor knows: everything may have changed
        return list(dict.fromkeys(names.values()))
    keys = [key for key in _COMPARED if getattr(told, key) != getattr(new, key)]
    keys += [key for key in {**told.details, **new.details} if told.details.get(key) != new.details.get(key)]
    return list(dict.fromkeys(names.get(key, key) for key in keys))


def on_confirm(
    wanted: Sequence[VendorTaskAssigned],
    known: Sequence[KnownTask],
    *,
    booking_id: uuid.UUID,
    revision: int,
    causation_id: uuid.UUID | None,
    kind: str,
    namespace: uuid.UUID,
    names: Mapping[str, str],
) -> list[TaskStep]:
    """Steps once ``revision`` is confirmed: new vendors assigned, others changed, vendors left out cancelled."""
    by_vendor = {task.vendor_id: task for task in known}
    steps = []
    for task in wanted:
        current = by_vendor.get(task.vendor_id)
        if current is not None and current.live and current.revision >= revision:
            continue  # already told about this revision
        task_id = current.task_id if current else task.task_id
        if current is None or not current.live:
            ids = {"task_id": task_id, "message_id": message_id(namespace, task_id, revision, "assigned")}
            steps.append(TaskStep(task_id, task.vendor_id, True, msgspec.structs.replace(task, **ids)))
            continue
        what = changes(current.told, task, names)
        changed = None  # nothing new for this vendor: the task quietly follows the revision
        if what:
            content = {field: getattr(task, field) for field in task.__struct_fields__}
            content |= {"task_id": task_id, "message_id": message_id(namespace, task_id, revision, "changed")}
            changed = VendorTaskChanged(**content, changes=what)
        steps.append(TaskStep(task_id, task.vendor_id, True, changed))
    vendors = {task.vendor_id for task in wanted}
    steps += [
        _cancel(current, booking_id, revision, causation_id, kind, namespace, BOOKING_CHANGED)
        for current in known
        if current.live and current.revision < revision and current.vendor_id not in vendors
    ]
    return steps


def on_cancel(
    known: Sequence[KnownTask],
    *,
    booking_id: uuid.UUID,
    revision: int,
    causation_id: uuid.UUID | None,
    kind: str,
    namespace: uuid.UUID,
) -> list[TaskStep]:
    """Steps when the confirmed ``revision`` is released (the booking is cancelled): its live tasks end."""
    return [
        _cancel(task, booking_id, revision, causation_id, kind, namespace, BOOKING_CANCELLED)
        for task in known
        if task.live and task.revision == revision
    ]


def _cancel(
    task: KnownTask,
    booking_id: uuid.UUID,
    revision: int,
    causation_id: uuid.UUID | None,
    kind: str,
    namespace: uuid.UUID,
    reason: str,
) -> TaskStep:
    cancelled = VendorTaskCancelled(
        message_id=message_id(namespace, task.task_id, revision, "cancelled"),
        booking_id=booking_id,
        causation_id=causation_id,
        task_id=task.task_id,
        kind=kind,
        vendor_id=task.vendor_id,
        reason=reason,
    )
    return TaskStep(task.task_id, task.vendor_id, False, cancelled)
