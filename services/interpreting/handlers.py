"""Use cases of the interpreting service: reserve, confirm and release one plan revision of a booking.

Every command of one booking (whatever its revision) runs under the booking's advisory lock, since a
confirm touches the booking's other revisions; and every command gets an answer carrying its revision,
also when repeated or late: the saga may be waiting for it.
"""

from __future__ import annotations

import logging

import asyncpg

from services.interpreting import vendor_work
from services.interpreting.adapters import allocation, repository
from services.interpreting.adapters.revisions import HOLDING, revisions
from services.interpreting.domain.plan import CannotServe, Plan, PlanKey, plan_for
from services.interpreting.domain.reasons import CANCELLED, rejection, superseded
from services.interpreting.domain.roster import Roster
from services.interpreting.domain.tasks import TASKS, Seat
from shared.contracts import (
    ConfirmInterpreting,
    InterpretingConfirmed,
    InterpretingRejected,
    InterpretingReleased,
    InterpretingReserved,
    ReleaseInterpreting,
    ReserveInterpreting,
)
from shared.contracts.interpreting import InterpreterSeat
from shared.contracts.tasks import VendorTaskAnswer
from shared.db.unit_of_work import UnitOfWork
from shared.vendor_tasks import answers
from shared.vendor_tasks import store as task_store
from shared.vendor_tasks.flow import News
from shared.vendor_tasks.kind import TaskKind

log = logging.getLogger(__name__)


class Shortfall(Exception):
    """Raised inside the savepoint to undo every partial hold."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def reserve(command: ReserveInterpreting, unit: UnitOfWork, roster: Roster) -> None:
    """Hold booths and a full team per booth for the revision (beside the booking's others), or say what is missing."""
    connection, key = unit.connection, PlanKey(command.booking_id, command.revision)
    await repository.lock_booking(connection, key.booking_id)
    known = await revisions(connection, key.booking_id)
    existing = known.get(key.revision)
    if existing is not None:
        await _answer_again(command, existing, unit, roster)
        return
    try:
        if known.confirmed is not None and known.confirmed > key.revision:
            raise CannotServe(superseded(key.revision, known.confirmed))
        plan = plan_for(
            command.space_id,
            command.starts_at,
            command.ends_at,
            command.floor_language,
            command.target_languages,
            command.attendees,
            roster.load_time,
            roster,
        )
        async with connection.transaction():
            await repository.insert_held(connection, key, plan)
            never_again = frozenset(await task_store.let_go(connection, key.booking_id))
            holding = await allocation.hold(connection, key, plan, roster, never_again)
            if holding.shortages:
                raise Shortfall(rejection(holding.shortages, plan.starts_at, plan.ends_at, roster.zone))
    except (CannotServe, Shortfall) as refusal:
        reason = refusal.reason if isinstance(refusal, Shortfall) else str(refusal)
        await repository.record_outcome(connection, key, "rejected", reason)
        unit.publish(_rejected(command, reason))
        log.info("interpreting rejected", extra={"fields": _fields(key)})
        return
    unit.publish(_reserved(command, plan, holding.seats))
    log.info("interpreting held", extra={"fields": {**_fields(key), "seats": len(holding.seats)}})


def _fields(key: PlanKey) -> dict[str, str | int]:
    return {"booking_id": str(key.booking_id), "revision": key.revision}


def _rejected(command: ReserveInterpreting, reason: str) -> InterpretingRejected:
    return InterpretingRejected(
        booking_id=command.booking_id,
        revision=command.revision,
        causation_id=command.message_id,
        reason=reason,
    )


def _reserved(command: ReserveInterpreting, plan: Plan, seats: list[Seat]) -> InterpretingReserved:
    order = {target: position for position, target in enumerate(plan.target_languages)}
    seats = sorted(seats, key=lambda seat: (order[seat.target_language], seat.interpreter_id))
    return InterpretingReserved(
        booking_id=command.booking_id,
        revision=command.revision,
        causation_id=command.message_id,
        booths=list(dict.fromkeys(seat.booth_id for seat in seats if seat.booth_id)),
        team_per_booth=plan.team_per_booth,
        seats=[
            InterpreterSeat(booth=s.booth_id, interpreter_id=s.interpreter_id, vendor_id=s.vendor_id)
            for s in seats
        ],
        mode=plan.mode,
        relays=[f"{plan.floor_language}→{pivot}→{target}" for target, pivot in plan.relays],
        receivers=plan.receivers,
    )


async def _answer_again(
    command: ReserveInterpreting, existing: asyncpg.Record, unit: UnitOfWork, roster: Roster
) -> None:
    """A Reserve for a revision we already answered (repeated, or after its Release): the same answer."""
    status, key = existing["status"], PlanKey(command.booking_id, command.revision)
    if status in HOLDING:
        plan = repository.plan_of(existing, roster.load_minutes)
        unit.publish(_reserved(command, plan, await repository.seats(unit.connection, key)))
        return
    unit.publish(_rejected(command, existing["reason"] if status == "rejected" else CANCELLED))
    log.info("late or repeated reserve answered", extra={"fields": {**_fields(key), "status": status}})


async def confirm(
    command: ConfirmInterpreting, unit: UnitOfWork, roster: Roster, tasks: TaskKind = TASKS
) -> None:
    """Make the revision firm, release the booking's older revisions and tell each agency what is new to it."""
    connection, key = unit.connection, PlanKey(command.booking_id, command.revision)
    await repository.lock_booking(connection, key.booking_id)
    known = await revisions(connection, key.booking_id)
    existing, confirmed = known.get(key.revision), known.confirmed
    if existing is None or existing["status"] not in HOLDING or (confirmed or 0) > key.revision:
        status = existing["status"] if existing else "unknown"
        log.warning(
            "confirm for a revision that holds nothing or is superseded",
            extra={"fields": {**_fields(key), "status": status, "confirmed_revision": confirmed}},
        )
        return
    if existing["status"] == "held":
        await repository.set_status(connection, key, "confirmed")
    news = await vendor_work.on_confirm(connection, key, known, command.message_id, roster, tasks)
    for older in known.older_holding(key.revision):
        await repository.release(
            connection, PlanKey(key.booking_id, older), f"superseded by revision {key.revision}"
        )
    unit.publish(
        InterpretingConfirmed(
            booking_id=key.booking_id, revision=key.revision, causation_id=command.message_id
        )
    )
    vendor_work.publish(unit, news)
    log.info("interpreting confirmed", extra={"fields": {**_fields(key), "task_messages": news.told}})


async def release(command: ReleaseInterpreting, unit: UnitOfWork, tasks: TaskKind = TASKS) -> None:
    """Free the revision's booths and interpreters (cancelling agency tasks if it was firm); tombstone if early."""
    connection, key = unit.connection, PlanKey(command.booking_id, command.revision)
    await repository.lock_booking(connection, key.booking_id)
    existing = (await revisions(connection, key.booking_id)).get(key.revision)
    news = News()
    if existing is None:
        await repository.record_outcome(
            connection, key, "released", command.reason or "released before reserve"
        )
    elif existing["status"] in HOLDING:
        if existing["status"] == "confirmed":
            news = await vendor_work.on_cancel(connection, key, command.message_id, tasks)
        await repository.release(connection, key, command.reason or None)
    unit.publish(
        InterpretingReleased(
            booking_id=key.booking_id, revision=key.revision, causation_id=command.message_id
        )
    )
    vendor_work.publish(unit, news)
    log.info(
        "interpreting released",
        extra={"fields": {**_fields(key), "tombstone": existing is None, "tasks_cancelled": news.told}},
    )


async def answer(answer: VendorTaskAnswer, unit: UnitOfWork, roster: Roster, tasks: TaskKind = TASKS) -> None:
    """An agency accepts, declines or reports done; a decline hands its seats to other agencies, or to staff."""
    await answers.on_answer(unit, answer, tasks, vendor_work.reassigner(roster))
