"""Holding booths and interpreters under concurrency: the first free candidates, the next one on a clash.

A candidate free a moment ago may be taken by a concurrent reservation before our insert: the exclusion
constraint refuses it (after waiting for the other transaction to end) and we try the next candidate.
A reservation inserts with ON CONFLICT DO NOTHING and reads back what it got (``claim_skipping``: one
statement per round, no savepoints); a takeover undoes a refused insert with a savepoint (``claim``).
Each candidate is tried at most once, so the loop ends, and two reservations can never both get the last
interpreter. Competitors first queue on (resource, day)
locks (see ``domain.contention``), so the constraint is the safety net rather than the traffic light.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

import asyncpg

from services.interpreting.adapters import receivers, repository
from services.interpreting.domain.contention import contention_keys
from services.interpreting.domain.continuity import booths_in_order, team_first
from services.interpreting.domain.plan import Plan
from services.interpreting.domain.reasons import (
    BoothShortage,
    InterpreterShortage,
    ReceiverShortage,
    Shortage,
)
from services.interpreting.domain.roster import Pair, Roster
from services.interpreting.domain.tasks import Seat
from shared.participant.domain.plans import PlanKey

SlotT = TypeVar("SlotT")


@dataclass
class Holding:
    booths: dict[str, str] = field(default_factory=dict)  # target language -> booth id
    seats: list[Seat] = field(default_factory=list)
    shortages: list[Shortage] = field(default_factory=list)


async def claim(
    connection: asyncpg.Connection,
    slots: list[SlotT],
    candidates: list[str],
    insert: Callable[[list[tuple[SlotT, str]]], Awaitable[None]],
) -> list[tuple[SlotT, str]]:
    """Fill ``slots`` with candidates in order: all at once if no one interferes, else one by one."""
    if len(candidates) >= len(slots):
        first = list(zip(slots, candidates, strict=False))
        try:
            async with connection.transaction():
                await insert(first)
            return first
        except asyncpg.ExclusionViolationError:
            pass  # someone took one of them meanwhile: find out which, one at a time
    won: list[tuple[SlotT, str]] = []
    for candidate in candidates:
        if len(won) == len(slots):
            break
        try:
            async with connection.transaction():
                await insert([(slots[len(won)], candidate)])
            won.append((slots[len(won)], candidate))
        except asyncpg.ExclusionViolationError:
            continue
    return won


async def claim_skipping(
    slots: list[SlotT],
    candidates: list[str],
    insert: Callable[[list[tuple[SlotT, str]]], Awaitable[list[str]]],
) -> list[tuple[SlotT, str]]:
    """``claim`` with an ``insert`` that skips the candidates taken meanwhile (INSERT ... ON CONFLICT DO
    NOTHING) and answers those it took: no savepoints, one statement per round; each round offers the
    slots still open to the next candidates, each candidate once."""
    won: list[tuple[SlotT, str]] = []
    queue = list(candidates)
    while queue and len(won) < len(slots):
        filled = {slot for slot, _ in won}
        chosen = list(zip([slot for slot in slots if slot not in filled], queue, strict=False))
        queue = queue[len(chosen) :]
        taken = set(await insert(chosen))
        won += [(slot, candidate) for slot, candidate in chosen if candidate in taken]
    return won


async def hold(
    connection: asyncpg.Connection,
    key: PlanKey,
    plan: Plan,
    roster: Roster,
    never_again: frozenset[str] = frozenset(),
) -> Holding:
    """Hold one booth per target language, a full team per booth and the receivers; list what is missing.

    The booking's other revisions do not compete with this one: what they hold is offered first. A
    consecutive plan holds no booth and no receivers: its team sits in the room. Agencies in
    ``never_again`` (they declined this booking's work, or let its answer deadline pass) are not asked.
    """
    await repository.lock_resources(connection, contention_keys(plan, roster))
    elsewhere = await repository.seats_elsewhere(connection, key)
    holding = Holding()
    if plan.booths:
        previous_booths = {
            seat.target_language: seat.booth_id for seat in reversed(elsewhere) if seat.booth_id
        }
        holding.booths = await _hold_booths(connection, key, plan, roster, previous_booths)
    if len(holding.booths) < plan.booths:
        pool = roster.booth_pool(plan.space_id)
        holding.shortages.append(BoothShortage(plan.space_id, pool, plan.booths, len(holding.booths)))
    taken: set[str] = set()
    for pair in roster.scarcest_first(plan.pairs, plan.mode):
        on_roster = [interpreter.id for interpreter in roster.candidates(pair, plan.mode)]
        asked = [interpreter for interpreter in on_roster if roster.vendor_of(interpreter) not in never_again]
        free = await repository.free_interpreters(
            connection, key.booking_id, asked, plan.load_in_at, plan.load_out_at
        )
        previous = [seat.interpreter_id for seat in elsewhere if seat.target_language == pair.target]
        free = [interpreter for interpreter in team_first(previous, free) if interpreter not in taken]
        booth = holding.booths.get(pair.target)
        if booth is None and plan.booths:  # no booth to seat them in: only count who would be free
            team = free[: plan.team_per_booth]
        else:
            team = await _staff(connection, key, plan, roster, booth, pair.target, free)
            holding.seats += [Seat(booth or "", pair.target, i, roster.vendor_of(i)) for i in team]
        taken.update(team)
        if len(team) < plan.team_per_booth:
            relay_of = Pair(plan.floor_language, pair.target) if pair.source != plan.floor_language else None
            holding.shortages.append(
                InterpreterShortage(pair, plan.team_per_booth, len(team), len(on_roster), relay_of)
            )
    await _hold_receivers(connection, key, plan, roster, holding)
    return holding


async def _hold_receivers(
    connection: asyncpg.Connection, key: PlanKey, plan: Plan, roster: Roster, holding: Holding
) -> None:
    """Hold the headsets if all else is held; otherwise only check them, so the reason names every gap."""
    need, start, end = plan.receivers, plan.load_in_at, plan.load_out_at
    if not need:
        return
    if holding.shortages:
        free = await receivers.free(connection, roster.receivers, start, end)
        shortage = ReceiverShortage(need, free, roster.receivers) if free < need else None
    else:
        shortage = await receivers.hold(connection, key, need, roster.receivers, start, end)
    if shortage is not None:
        holding.shortages.append(shortage)


async def _hold_booths(
    connection: asyncpg.Connection, key: PlanKey, plan: Plan, roster: Roster, previous: dict[str, str]
) -> dict[str, str]:
    """Target language -> booth, for as many target languages as there are free booths."""
    start, end = plan.load_in_at, plan.load_out_at
    pool = roster.booth_pool(plan.space_id).booth_ids
    free = await repository.free_booths(connection, key.booking_id, pool, start, end)
    slots, candidates = booths_in_order(plan.target_languages, free, previous)

    async def insert(chosen: list[tuple[str, str]]) -> list[str]:
        return await repository.hold_free_booths(
            connection, key, [(booth, target) for target, booth in chosen], start, end
        )

    return dict(await claim_skipping(slots, candidates, insert))


async def _staff(
    connection: asyncpg.Connection,
    key: PlanKey,
    plan: Plan,
    roster: Roster,
    booth: str | None,
    target: str,
    free: list[str],
) -> list[str]:
    """Assign up to a full team from ``free`` (in order) to ``booth`` (None: consecutive); those assigned."""

    async def insert(chosen: list[tuple[int, str]]) -> list[str]:
        team = [(interpreter, roster.vendor_of(interpreter)) for _, interpreter in chosen]
        return await repository.assign_free(
            connection, key, booth, team, plan.load_in_at, plan.load_out_at, target
        )

    seats = list(range(plan.team_per_booth))
    return [interpreter for _, interpreter in await claim_skipping(seats, free, insert)]
