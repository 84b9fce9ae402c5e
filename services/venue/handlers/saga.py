"""The booking saga's engine: start a held booking's saga, and advance it by one transition.

State lives in the booking's row and its saga_steps; the transitions are the pure functions of
``domain/saga.py``. Compensation frees the hold and records it in ``unit.released``: giving the slot
to the waitlist is the caller's next step (``handlers/waitlist.promote_released``), not the saga's.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from services.venue.adapters.unit_of_work import VenueUnit
from services.venue.domain import saga as rules
from services.venue.domain.catalog import Catalog
from services.venue.domain.commands import NewBooking
from services.venue.domain.messages import confirm_command, release_command, reserve_command
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.events import booking_event
from services.venue.handlers.saga_metrics import count_booking, record_transition
from shared.contracts import (
    ApprovalNeeded,
    BookingCancelled,
    BookingConfirmed,
    BookingReceived,
    BookingRejected,
)
from shared.telemetry import trace_id_hex

log = logging.getLogger(__name__)

SAGA_ACTOR = "system:saga"

Transition = Callable[[rules.Saga], rules.Decision]


def steps_wanted(command: NewBooking, needs_approval: bool) -> list[str]:
    wanted = (
        ("approval", needs_approval),
        ("interpreting", command.interpreting),
        ("catering", command.catering),
    )
    return [name for name, wanted_step in wanted if wanted_step]


def first_status(command: NewBooking, needs_approval: bool) -> str:
    """What ``start_saga`` will answer: confirmed at once when there is nothing to wait for."""
    return "confirmed" if rules.start(steps_wanted(command, needs_approval)).actions else "pending"


async def start_saga(
    unit: VenueUnit,
    booking_id: uuid.UUID,
    command: NewBooking,
    needs_approval: bool,
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
    row: Mapping[str, Any] | None = None,
) -> str:
    """Add the saga's steps to a held booking and send their first commands; the booking's status.
    ``row``: the booking's row if the unit just wrote it (its events are built from it, not read back)."""
    steps = steps_wanted(command, needs_approval)
    deadlines = {step: settings.deadline(step, now) for step in steps}
    await unit.sagas.add_steps(booking_id, deadlines)
    for step in steps:
        if step not in rules.LOCAL_STEPS:
            unit.publish(reserve_command(step, booking_id, command))
    decision = rules.start(steps)
    if decision.actions:  # nothing to wait for: confirmed at once
        await unit.sagas.save(booking_id, rules.Saga(rules.Phase.RUNNING, {}), decision.saga, now, {})
        await _apply(unit, booking_id, decision.actions, catalog)
        return "confirmed"
    unit.publish(await booking_event(unit, booking_id, catalog, BookingReceived, row=row))
    if "approval" in deadlines:
        unit.publish(
            await booking_event(
                unit, booking_id, catalog, ApprovalNeeded, row=row, decide_by=deadlines["approval"]
            )
        )
    return "pending"


async def advance(
    unit: VenueUnit,
    booking_id: uuid.UUID,
    transition: Transition,
    catalog: Catalog,
    settings: SagaSettings,
    detail: dict[str, str] | None = None,
    causation_id: uuid.UUID | None = None,
    locked: tuple[Mapping[str, Any], rules.Saga] | None = None,
) -> bool:
    """Lock the saga (unless the caller has: ``locked``), apply one transition, persist it and stage the
    messages it causes.

    Returns whether anything changed (late or repeated events change nothing).
    """
    locked = locked or await unit.sagas.lock(booking_id)
    if locked is None:
        log.warning("event for an unknown booking", extra={"fields": {"booking_id": str(booking_id)}})
        return False
    row, before = locked
    decision = transition(before)
    if decision.saga == before and not decision.actions:
        return False
    deadline = datetime.now(UTC) + settings.step_timeout  # waiting on a participant again (a release)
    waited = await unit.sagas.save(booking_id, before, decision.saga, deadline, detail or {})
    record_transition(before, decision.saga, waited)
    await _apply(unit, booking_id, decision.actions, catalog, causation_id, row)
    return True


async def _apply(
    unit: VenueUnit,
    booking_id: uuid.UUID,
    actions: list[rules.Action],
    catalog: Catalog,
    causation_id: uuid.UUID | None = None,
    row: Mapping[str, Any] | None = None,
) -> None:
    """Stage what the decision does; the booking's events are built from ``row`` (the locked booking)
    when there is one, else read."""
    revision = row["revision"] if row is not None else 0
    for action in actions:
        if isinstance(action, rules.Confirm):
            unit.publish(confirm_command(action.step, booking_id, revision, causation_id))
        elif isinstance(action, rules.Release):
            unit.publish(release_command(action.step, booking_id, revision, causation_id))
        elif isinstance(action, rules.CancelBooking):
            count_booking("cancelled")
            await release_hold(unit, booking_id)
            event = await booking_event(
                unit, booking_id, catalog, BookingCancelled, causation_id, row, reason=action.reason
            )
            unit.publish(event)
        elif isinstance(action, rules.RejectBooking):
            count_booking("rejected")
            await release_hold(unit, booking_id)
            await unit.audit.record(
                booking_id, SAGA_ACTOR, "rejected", {"reason": action.reason}, trace_id_hex()
            )
            event = await booking_event(
                unit, booking_id, catalog, BookingRejected, causation_id, row, reason=action.reason
            )
            unit.publish(event)
        else:
            count_booking("confirmed")
            await unit.audit.record(booking_id, SAGA_ACTOR, "confirmed", {}, trace_id_hex())
            unit.publish(await booking_event(unit, booking_id, catalog, BookingConfirmed, causation_id, row))


async def release_hold(unit: VenueUnit, booking_id: uuid.UUID) -> None:
    """Free the booking's space and lines; what it blocked goes to ``unit.released`` for the waitlist."""
    held = await unit.bookings.held(booking_id)
    await unit.holds.release(booking_id)
    if held is not None:
        unit.released.append(held)
