"""Use case of the network-line pool: which lines are busy when (times only, no booking data)."""

from __future__ import annotations

from datetime import datetime, timedelta

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.booking import VENUE_YEARS, Interval, Violation
from services.venue.domain.network_lines import LinePool, NetworkLine
from services.venue.handlers.errors import Invalid

LONGEST_WINDOW = timedelta(days=93)


async def availability(
    database: VenueDatabase, pool: LinePool, starts_at: datetime, ends_at: datetime
) -> list[tuple[NetworkLine, list[Interval]]]:
    """Each line of the pool with the times it is held during the window."""
    violations = [
        Violation(name, "needs a UTC offset, e.g. 2027-03-02T14:00:00+08:00")
        for name, value in (("from", starts_at), ("to", ends_at))
        if value.tzinfo is None
    ]
    if not violations:
        violations = [
            Violation(name, f"must be in the years {VENUE_YEARS.start}-{VENUE_YEARS.stop - 1}")
            for name, value in (("from", starts_at), ("to", ends_at))
            if value.year not in VENUE_YEARS
        ]
    if not violations and ends_at <= starts_at:
        violations.append(Violation("to", "must be after from"))
    if not violations and ends_at - starts_at > LONGEST_WINDOW:
        violations.append(Violation("to", f"a window spans at most {LONGEST_WINDOW.days} days"))
    if violations:
        raise Invalid(violations)
    async with database.autocommit() as unit:
        rows = await unit.network_lines.busy_between(starts_at, ends_at)
    busy: dict[str, list[Interval]] = {line.id: [] for line in pool.lines}
    for row in rows:
        busy.setdefault(row["line_id"], []).append(Interval(row["starts_at"], row["ends_at"]))
    return [(line, busy[line.id]) for line in pool.lines]
