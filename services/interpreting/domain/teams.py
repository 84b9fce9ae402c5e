"""AIIC norms: how many interpreters share a booth for a working time, and how many booths a meeting needs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

LONGEST_SESSION = timedelta(hours=8)

# (longest working time, interpreters per booth); beyond the last one a session must be split
TEAM_BY_WORKING_TIME = (
    (timedelta(minutes=40), 1),
    (timedelta(hours=4), 2),
    (timedelta(hours=6), 3),
    (LONGEST_SESSION, 4),
)


class SessionTooLong(ValueError):
    """No team size is defined beyond 8 h of working time: the organizer splits the meeting."""

    def __init__(self, working_time: timedelta) -> None:
        super().__init__(
            f"the meeting runs {duration_text(working_time)}, longer than 8 h: split into sessions"
        )
        self.working_time = working_time


def team_size(working_time: timedelta) -> int:
    """Interpreters per booth for ``working_time`` (≤40 min 1, ≤4 h 2, ≤6 h 3, ≤8 h 4)."""
    if working_time <= timedelta(0):
        raise ValueError("working time must be positive")
    for longest, size in TEAM_BY_WORKING_TIME:
        if working_time <= longest:
            return size
    raise SessionTooLong(working_time)


def consecutive_team(working_time: timedelta) -> int:
    """Consecutive interpreters for ``working_time``: one up to 4 h, two up to 8 h (then split)."""
    if working_time > LONGEST_SESSION:
        raise SessionTooLong(working_time)
    return 1 if working_time <= timedelta(hours=4) else 2


def booths_needed(target_languages: Sequence[str]) -> int:
    """One booth per target language; the floor language needs none."""
    return len(set(target_languages))


def duration_text(duration: timedelta) -> str:
    minutes = int(duration.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    return (
        " ".join(part for part in (f"{hours} h" if hours else "", f"{rest} min" if rest else "") if part)
        or "0 min"
    )
