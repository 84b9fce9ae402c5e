"""Activity-planning tasks: the states a task moves through. Pure."""

from __future__ import annotations

from enum import StrEnum


class TaskStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


# a finished task may be reopened (the organizer asks for more), never silently skipped back to open
MOVES = {
    TaskStatus.OPEN: {TaskStatus.IN_PROGRESS, TaskStatus.DONE},
    TaskStatus.IN_PROGRESS: {TaskStatus.OPEN, TaskStatus.DONE},
    TaskStatus.DONE: {TaskStatus.IN_PROGRESS},
}

# a booking that will not take place gets no new planning work
CLOSED_BOOKING_STATUSES = frozenset({"rejected", "cancelled", "expired"})


def may_move(current: TaskStatus, wanted: TaskStatus) -> bool:
    """Staying put is always allowed (a repeated PATCH changes nothing)."""
    return wanted is current or wanted in MOVES[current]
