"""Moving an agency's seats at one plan revision to interpreters of other agencies, all or nothing.

The agency's interpreters are freed first; stand-ins are claimed like any reservation (resource locks
first, the exclusion constraint as the safety net, the next candidate on a clash). If any seat stays
empty, a savepoint undoes every stand-in claimed here, and the agency's seats stay free: the work is
escalated to staff as a whole, with the interpreters it had back on the market.
"""

from __future__ import annotations

from itertools import groupby

import asyncpg

from services.interpreting.adapters import repository
from services.interpreting.adapters.allocation import claim
from services.interpreting.domain.contention import contention_keys
from services.interpreting.domain.plan import Plan
from services.interpreting.domain.roster import Pair, Roster
from services.interpreting.domain.takeover import Uncovered, stand_ins
from shared.participant.domain.plans import PlanKey


class _Undo(Exception):
    """Raised inside the savepoint when a seat stays empty."""


async def move_seats(
    connection: asyncpg.Connection,
    key: PlanKey,
    plan: Plan,
    vendor_id: str,
    never_again: frozenset[str],
    roster: Roster,
) -> list[Uncovered]:
    """Give ``vendor_id``'s seats at ``key`` to other agencies; what could not be covered (then nothing moved)."""
    seats = await repository.seats(connection, key)
    leaving = sorted(
        (s for s in seats if s.vendor_id == vendor_id), key=lambda s: (s.booth_id, s.target_language)
    )
    seated = {seat.interpreter_id for seat in seats if seat.vendor_id != vendor_id}
    await repository.lock_resources(connection, contention_keys(plan, roster))
    await repository.unassign(connection, key, vendor_id)
    uncovered: list[Uncovered] = []
    try:
        async with connection.transaction():
            for (booth, target), group in groupby(leaving, key=lambda s: (s.booth_id, s.target_language)):
                need, pair = len(list(group)), Pair(plan.source_of(target), target)
                names = stand_ins(roster, pair, plan.mode, never_again, seated)
                free = await repository.free_interpreters(
                    connection, key.booking_id, names, plan.load_in_at, plan.load_out_at
                )

                async def insert(
                    chosen: list[tuple[int, str]], booth: str = booth, target: str = target
                ) -> None:
                    team = [(interpreter, roster.vendor_of(interpreter)) for _, interpreter in chosen]
                    await repository.assign(
                        connection, key, booth or None, team, plan.load_in_at, plan.load_out_at, target
                    )

                team = [
                    interpreter for _, interpreter in await claim(connection, list(range(need)), free, insert)
                ]
                seated.update(team)
                if len(team) < need:
                    uncovered.append(Uncovered(pair, need, len(team)))
            if uncovered:
                raise _Undo
    except _Undo:
        pass
    return uncovered
