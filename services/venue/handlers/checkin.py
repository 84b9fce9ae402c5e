"""Use cases at the door: a scanned pass checks its guest in once; a second scan answers when and where.

Every scan is audited (ids and places, never a name), so a pass that is shared or scanned twice shows up.
"""

from __future__ import annotations

from datetime import datetime

from services.venue.adapters.registrations import Door
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal
from services.venue.domain.booking import Violation
from services.venue.domain.checkin import CheckIn, NotNow, SecondScan, read_pass, scan
from services.venue.handlers.errors import AlreadyCheckedIn, Conflict, Invalid, NotFound

UNREADABLE = "is not a guest pass: check the characters (the last one is a check character)"


async def check_in(
    database: VenueDatabase, principal: Principal, scanned: str, space: str, now: datetime, trace_id: str
) -> Door:
    """Check in the pass's guest at ``space``; raises AlreadyCheckedIn on a second scan (audited as one)."""
    code = read_pass(scanned)
    if code is None:
        raise Invalid([Violation("code", UNREADABLE)])
    async with database.transaction() as unit:
        holder = await unit.registrations.pass_holder(code)
        if holder is None:
            raise NotFound()
        earlier = None
        if holder["checked_in_at"] is not None:
            earlier = CheckIn(holder["checked_in_at"], holder["checked_in_space"], holder["checked_in_by"])
        outcome = scan(earlier, holder["starts_at"], holder["ends_at"], space, principal.actor, now)
        if isinstance(outcome, NotNow):
            raise Conflict(outcome.reason)
        door = None
        if not isinstance(outcome, SecondScan):
            door = await unit.registrations.check_in(code, space, principal.actor, now)
        detail = {"registration_id": str(holder["id"]), "space": space}
        if door is not None and door.first:
            await unit.audit.record(
                holder["booking_id"], principal.actor, "guest checked in", detail, trace_id
            )
            return door
        # a second scan, or another door won the same moment: the earlier check-in stands
        first = outcome.earlier if isinstance(outcome, SecondScan) else _earlier(door)
        detail["first_space"] = first.space
        await unit.audit.record(
            holder["booking_id"], principal.actor, "guest scanned again", detail, trace_id
        )
    raise AlreadyCheckedIn(first.at, first.space, first.by)


def _earlier(door: Door | None) -> CheckIn:
    if door is None:  # the row was there a moment ago and rows are not deleted inside this transaction's lock
        raise NotFound()
    return CheckIn(door.checked_in_at, door.checked_in_space, door.checked_in_by)
