"""Closures and blackouts: the whole venue or one space closed for an interval. Pure.

A closure blocks the units of its space (closing A+B closes rooms A and B, hence also A, B, B+C and
A+B+C). It refuses new bookings whose hold (buffers included) meets it; bookings already held are
listed for staff, not cancelled.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from services.venue.domain.catalog import Catalog
from services.venue.domain.schedule import Rule

LONGEST = timedelta(days=3 * 366)


def closure_units(catalog: Catalog, space_id: str | None) -> list[str]:
    """The units a closure of ``space_id`` blocks (every unit of the venue for None)."""
    spaces = catalog.spaces if space_id is None else [s for s in catalog.spaces if s.id == space_id]
    return sorted({unit for space in spaces for unit in space.units})


def closure_rules(
    catalog: Catalog, space_id: str | None, starts_at: datetime, ends_at: datetime
) -> list[Rule]:
    rules = []
    if space_id is not None and catalog.space(space_id) is None:
        known = ", ".join(space.id for space in catalog.spaces)
        rules.append(
            ("space_id", f"unknown space {space_id!r}; spaces are {known}; omit it to close the venue")
        )
    for name, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if value.tzinfo is None:
            rules.append((name, "needs a UTC offset, e.g. 2027-03-02T08:00:00+08:00"))
    if rules:
        return rules
    if ends_at <= starts_at:
        rules.append(("ends_at", "must be after starts_at"))
    elif ends_at - starts_at > LONGEST:
        rules.append(("ends_at", f"a closure lasts at most {LONGEST.days} days; add another for longer"))
    return rules
