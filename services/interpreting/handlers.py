"""Use cases of the interpreting service: reserve, confirm and release a booking's interpretation.

Every command of one booking runs under the booking's advisory lock, and every command gets an answer,
also when repeated or late: the saga may be waiting for it.
"""

from __future__ import annotations

import logging

import asyncpg

from services.interpreting.adapters import allocation, repository
from services.interpreting.domain.plan import CannotServe, Plan, plan_for
from services.interpreting.domain.reasons import CANCELLED, rejection
from services.interpreting.domain.roster import Roster
from services.interpreting.domain.tasks import Seat, vendor_tasks
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
from shared.db.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


class Shortfall(Exception):
    """Raised inside the savepoint to undo every partial hold."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def reserve(command: ReserveInterpreting, unit: UnitOfWork, roster: Roster) -> None:
    """Hold booths and a full interpreter team per booth, or hold nothing and say what is missing."""
    connection, booking_id = unit.connection, command.booking_id
    await repository.lock_booking(connection, booking_id)
    existing = await repository.reservation(connection, booking_id)
    if existing is not None:
        await _answer_again(command, existing, unit, roster)
        return
    try:
        plan = plan_for(
            command.space_id, command.starts_at, command.ends_at, command.floor_language,
            command.target_languages, command.attendees, roster.load_time,
        )  # fmt: skip
        async with connection.transaction():
            await repository.insert_held(connection, booking_id, plan)
            holding = await allocation.hold(connection, booking_id, plan, roster)
            if holding.shortages:
                raise Shortfall(rejection(holding.shortages, plan.starts_at, plan.ends_at, roster.zone))
    except (CannotServe, Shortfall) as refusal:
        reason = refusal.reason if isinstance(refusal, Shortfall) else str(refusal)
        await repository.record_outcome(connection, booking_id, "rejected", reason)
        unit.publish(
            InterpretingRejected(booking_id=booking_id, causation_id=command.message_id, reason=reason)
        )
        log.info("interpreting rejected", extra={"fields": {"booking_id": str(booking_id)}})
        return
    unit.publish(_reserved(command, plan, holding.seats))
    log.info(
        "interpreting held", extra={"fields": {"booking_id": str(booking_id), "seats": len(holding.seats)}}
    )


def _reserved(command: ReserveInterpreting, plan: Plan, seats: list[Seat]) -> InterpretingReserved:
    order = {target: position for position, target in enumerate(plan.target_languages)}
    seats = sorted(seats, key=lambda seat: (order[seat.target_language], seat.interpreter_id))
    return InterpretingReserved(
        booking_id=command.booking_id,
        causation_id=command.message_id,
        booths=list(dict.fromkeys(seat.booth_id for seat in seats)),
        team_per_booth=plan.team_per_booth,
        seats=[
            InterpreterSeat(booth=s.booth_id, interpreter_id=s.interpreter_id, vendor_id=s.vendor_id)
            for s in seats
        ],
    )


async def _answer_again(
    command: ReserveInterpreting, existing: asyncpg.Record, unit: UnitOfWork, roster: Roster
) -> None:
    """A Reserve for a booking we already answered (repeated, or after its Release): the same answer."""
    status = existing["status"]
    if status in ("held", "confirmed"):
        plan = repository.plan_of(existing, roster.load_minutes)
        unit.publish(_reserved(command, plan, await repository.seats(unit.connection, command.booking_id)))
        return
    reason = existing["reason"] if status == "rejected" else CANCELLED
    unit.publish(
        InterpretingRejected(booking_id=command.booking_id, causation_id=command.message_id, reason=reason)
    )
    log.info(
        "late or repeated reserve answered",
        extra={"fields": {"booking_id": str(command.booking_id), "status": status}},
    )


async def confirm(command: ConfirmInterpreting, unit: UnitOfWork, roster: Roster) -> None:
    """Make the held reservation firm and hand each agency its task (once per agency, however often asked)."""
    connection, booking_id = unit.connection, command.booking_id
    await repository.lock_booking(connection, booking_id)
    existing = await repository.reservation(connection, booking_id)
    if existing is None or existing["status"] not in ("held", "confirmed"):
        status = existing["status"] if existing else "unknown"
        log.warning(
            "confirm for a reservation that holds nothing",
            extra={"fields": {"booking_id": str(booking_id), "status": status}},
        )
        return
    if existing["status"] == "held":
        await repository.set_status(connection, booking_id, "confirmed")
    plan = repository.plan_of(existing, roster.load_minutes)
    seats = await repository.seats(connection, booking_id)
    tasks = vendor_tasks(booking_id, plan, seats, command.message_id, roster.zone)
    new = await repository.record_tasks(
        connection, booking_id, [(t.task_id, t.vendor_id, t.message_id) for t in tasks]
    )
    unit.publish(InterpretingConfirmed(booking_id=booking_id, causation_id=command.message_id))
    for task in tasks:
        if task.task_id in new:
            unit.publish(task, subject=task.vendor_subject())
    log.info("interpreting confirmed", extra={"fields": {"booking_id": str(booking_id), "tasks": len(new)}})


async def release(command: ReleaseInterpreting, unit: UnitOfWork) -> None:
    """Free the booths and interpreters; before any Reserve, leave a tombstone so a late one is refused."""
    connection, booking_id = unit.connection, command.booking_id
    await repository.lock_booking(connection, booking_id)
    existing = await repository.reservation(connection, booking_id)
    if existing is None:
        await repository.record_outcome(
            connection, booking_id, "released", command.reason or "released before reserve"
        )
    elif existing["status"] in ("held", "confirmed"):
        await repository.release(connection, booking_id)
        if existing["status"] == "confirmed":  # no contract to withdraw a vendor task yet
            log.warning(
                "released after confirm: agencies keep their tasks",
                extra={"fields": {"booking_id": str(booking_id)}},
            )
    unit.publish(InterpretingReleased(booking_id=booking_id, causation_id=command.message_id))
    log.info(
        "interpreting released",
        extra={"fields": {"booking_id": str(booking_id), "tombstone": existing is None}},
    )
