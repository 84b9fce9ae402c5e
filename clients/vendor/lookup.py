"""Finding one of the vendor's tasks by what the vendor types: the task id, or its booking's id. Pure.

A vendor holds at most one task per booking (per kind), so the booking id names the task, and like a
short git hash its first 8 characters are enough while they are unambiguous.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import get_args

from clients.vendor.errors import UnknownTask
from shared.contracts.tasks import TaskState, VendorTaskView

SHORT = 8
STATES: tuple[str, ...] = get_args(TaskState)
OPEN_STATES = ("awaiting_answer", "accepted", "done")  # the vendor holds the work; the others are closed


def short_ref(view: VendorTaskView) -> str:
    """What ``list`` shows to name a task: the first characters of its booking id."""
    return str(view.booking_id)[:SHORT]


def find(tasks: Sequence[VendorTaskView], ref: str) -> VendorTaskView:
    """The task ``ref`` names; UnknownTask if none does, or several do."""
    ref = ref.strip().lower()
    exact = [view for view in tasks if view.task_id.lower() == ref or str(view.booking_id) == ref]
    if len(exact) == 1:
        return exact[0]
    found = exact or (
        [view for view in tasks if str(view.booking_id).startswith(ref)] if len(ref) >= SHORT else []
    )
    if len(found) == 1:
        return found[0]
    if found:
        raise UnknownTask(f"{ref!r} names several of your tasks: {_names(found)}; give the task id")
    hint = f" (give at least {SHORT} characters of the booking id)" if 0 < len(ref) < SHORT else ""
    raise UnknownTask(f"none of your tasks is {ref!r}{hint}: `list --all` shows them")


def with_states(tasks: Iterable[VendorTaskView], states: Sequence[str] | None) -> list[VendorTaskView]:
    return [view for view in tasks if not states or view.state in states]


def _names(tasks: Sequence[VendorTaskView]) -> str:
    return ", ".join(view.task_id for view in tasks[:5]) + (" …" if len(tasks) > 5 else "")
