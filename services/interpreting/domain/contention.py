"""Which reservations compete: the same booth or interpreter on the same local day.

Two transactions inserting conflicting rows into an exclusion constraint at the same moment each see
the other's uncommitted entry, wait for each other and deadlock (PostgreSQL aborts one after
``deadlock_timeout``). So a reservation first takes a lock per (resource, day) for every booth and
interpreter it might use, all in one sorted order: competitors queue instead of deadlocking, and
reservations on other days or for other languages do not wait at all. Intervals that overlap share at
least one day, so every real conflict is covered.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from services.interpreting.domain.plan import Plan
from services.interpreting.domain.roster import Roster


def days_touched(start: datetime, end: datetime, zone: ZoneInfo) -> list[date]:
    """The local dates that [start, end) touches."""
    first, last = start.astimezone(zone).date(), (end - timedelta(microseconds=1)).astimezone(zone).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def contention_keys(plan: Plan, roster: Roster) -> list[str]:
    """Sorted lock keys for every booth and interpreter ``plan`` could be given."""
    booths = roster.booth_pool(plan.space_id).booth_ids if plan.booths else []
    resources = {f"booth:{booth}" for booth in booths}
    resources |= {f"interpreter:{i.id}" for pair in plan.pairs for i in roster.candidates(pair, plan.mode)}
    days = days_touched(plan.load_in_at, plan.load_out_at, roster.zone)
    return sorted(f"{resource}@{day.isoformat()}" for resource in resources for day in days)
