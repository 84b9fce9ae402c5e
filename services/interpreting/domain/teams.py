"""AIIC norms: how many interpreters share a booth for a working time, and how many booths a meeting needs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from shared.contracts.interpreter_teams import LONGEST_SESSION, interpreters_per_booth


class SessionTooLong(ValueError):
    """No team size is defined beyond 8 h of working time: the organizer splits the meeting."""

    def __init__(self, working_time: timedelta) -> None:
        super().__init__(
            f"the meeting runs {duration_text(working_time)}, longer than 8 h: split into sessions"
        )
        self.working_time = working_time


def team_size(working_time: timedelta) -> int:
    """Interpreters per booth for ``working_time`` (≤40 min 1, ≤4 h 2, ≤6 h 3, ≤8 h 4)."""
    size = interpreters_per_booth(working_time)
    if size is None:
        raise SessionTooLong(working_time)
    return size


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
