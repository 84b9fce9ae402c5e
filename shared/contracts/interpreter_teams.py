"""The AIIC norm both sides of interpreting use: how many interpreters share a booth for a working time.

The interpreting service plans the real team (services/interpreting/domain/teams.py); the venue prices
that team in its quotes (services/venue/domain/quotes.py). One table, so a quote never prices a team
the interpreting service would not send.
"""

from __future__ import annotations

from datetime import timedelta

LONGEST_SESSION = timedelta(hours=8)

# (longest working time, interpreters per booth); beyond the last one a session must be split
TEAM_BY_WORKING_TIME = (
    (timedelta(minutes=40), 1),
    (timedelta(hours=4), 2),
    (timedelta(hours=6), 3),
    (LONGEST_SESSION, 4),
)


def interpreters_per_booth(working_time: timedelta) -> int | None:
    """Interpreters per booth (≤40 min 1, ≤4 h 2, ≤6 h 3, ≤8 h 4); None beyond 8 h (split the day)."""
    if working_time <= timedelta(0):
        raise ValueError("working time must be positive")
    return next((size for longest, size in TEAM_BY_WORKING_TIME if working_time <= longest), None)
