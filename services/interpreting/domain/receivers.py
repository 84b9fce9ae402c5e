"""Receivers (headsets) for the listeners of a simultaneous meeting: everyone plus 5 % spare."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

SPARE_PERCENT = 5


def receivers_needed(attendees: int) -> int:
    """Attendees plus 5 % spare, rounded up (420 listeners -> 441 receivers)."""
    return -(-max(attendees, 0) * (100 + SPARE_PERCENT) // 100)


SLOT = timedelta(minutes=15)


def slots(start: datetime, end: datetime) -> list[datetime]:
    """The 15-minute slots (aligned on the hour, in UTC) that [start, end) touches."""
    first = start.astimezone(UTC).replace(second=0, microsecond=0)
    first -= timedelta(minutes=first.minute % 15)
    count = -(-(end - first) // SLOT)
    return [first + n * SLOT for n in range(count)]
