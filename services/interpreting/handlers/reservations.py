"""The saga's commands at interpreting: reserve, confirm and release one plan revision of a booking.

The participant kernel (``shared.participant``) takes every command the same way: under the booking's
lock, answered with its revision, also when repeated or late: the saga may be waiting for it. What is
interpreting's own: a revision holds booths, a full team per booth and receivers, all or nothing.
"""

from __future__ import annotations

import logging

from services.interpreting.adapters import allocation, repository
from services.interpreting.adapters.repository import RESERVATIONS
from services.interpreting.domain.plan import CannotServe, Plan, plan_for
from services.interpreting.domain.reasons import CANCELLED, RELEASED_EARLY, rejection, superseded
from services.interpreting.domain.roster import Roster
from services.interpreting.domain.tasks import TASKS, Seat
from services.interpreting.handlers.agencies import Agencies
from shared.contracts import (
    ConfirmInterpreting,
    InterpretingConfirmed,
    InterpretingRejected,
    InterpretingReleased,
    InterpretingReserved,
    Message,
    ReleaseInterpreting,
    ReserveInterpreting,
)
from shared.contracts.interpreting import InterpreterSeat
from shared.db.unit_of_work import UnitOfWork
from shared.participant.adapters import vendor_tasks
from shared.participant.domain.plans import PlanKey, Row, SagaAnswers, key_of, log_fields
from shared.participant.domain.task_kind import TaskKind
from shared.participant.handlers import plans
from shared.participant.handlers.plans import Participant

log = logging.getLogger(__name__)

INTERPRETING = Participant(
    "interpreting",
    RESERVATIONS,
    SagaAnswers(InterpretingRejected, InterpretingConfirmed, InterpretingReleased, CANCELLED, RELEASED_EARLY),
)


class Shortfall(Exception):
    """Raised inside the savepoint to undo every partial hold."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def reserve(command: ReserveInterpreting, unit: UnitOfWork, roster: Roster) -> None:
    """Hold booths and a full team per booth for the revision (beside the booking's others), or say what is missing."""

    async def reserved_again(row: Row) -> Message:
        plan = repository.plan_of(row, roster.load_minutes)
        return _reserved(command, plan, await repository.seats(unit.connection, key_of(row)))

    known = await plans.reserve_once(unit, INTERPRETING, command, reserved_again)
    if known is None:
        return
    connection, key = unit.connection, PlanKey(command.booking_id, command.revision)
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
            never_again = frozenset(await vendor_tasks.let_go(connection, key.booking_id))
            holding = await allocation.hold(connection, key, plan, roster, never_again)
            if holding.shortages:
                raise Shortfall(rejection(holding.shortages, plan.starts_at, plan.ends_at, roster.zone))
    except (CannotServe, Shortfall) as refusal:
        reason = refusal.reason if isinstance(refusal, Shortfall) else str(refusal)
        await RESERVATIONS.record_outcome(connection, key, "rejected", reason)
        unit.publish(INTERPRETING.answers.rejecting(command, reason))
        log.info("interpreting rejected", extra={"fields": log_fields(key)})
        return
    unit.publish(_reserved(command, plan, holding.seats))
    log.info("interpreting held", extra={"fields": {**log_fields(key), "seats": len(holding.seats)}})


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


async def confirm(
    command: ConfirmInterpreting, unit: UnitOfWork, roster: Roster, tasks: TaskKind = TASKS
) -> None:
    """Make the revision firm, release the booking's older revisions and tell each agency what is new to it."""
    await plans.confirm(unit, INTERPRETING, command, Agencies(roster, tasks), repository.release)


async def release(command: ReleaseInterpreting, unit: UnitOfWork, tasks: TaskKind = TASKS) -> None:
    """Free the revision's booths and interpreters (cancelling agency tasks if it was firm); tombstone if early."""
    await plans.release(unit, INTERPRETING, command, command.reason, repository.release, tasks)
