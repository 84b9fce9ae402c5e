"""Use case of changing a confirmed booking: hold the new plan beside the live one and ask every
participant for it (``change_saga.py`` carries it on from their answers)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from services.venue.adapters.conflicts import HoldTaken
from services.venue.adapters.unit_of_work import VenueDatabase, VenueUnit
from services.venue.domain import change as rules
from services.venue.domain.booking import Interval, check
from services.venue.domain.catalog import Catalog, Space
from services.venue.domain.commands import NewBooking, booking_command
from services.venue.domain.messages import reserve_command
from services.venue.domain.saga import LOCAL_STEPS
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.change_saga import (
    PLAN_FIELDS,
    apply_change_actions,
    participants,
    plan_json,
    plan_of,
)
from services.venue.handlers.errors import InvalidBooking, NotChangeable, SlotTaken
from services.venue.handlers.holding import hold_window
from services.venue.handlers.waitlist import promote_released
from shared.contracts import Organizer
from shared.telemetry import SagaTags, current_traceparent, saga_scope, trace_id_hex

APPROVAL_FIELDS = {"space_id", "layout", "starts_at", "ends_at", "attendees"}


@dataclass(frozen=True)
class ChangeAccepted:
    booking_id: uuid.UUID
    revision: int
    state: str
    changes: list[str]


async def request_change(
    database: VenueDatabase,
    booking_id: uuid.UUID,
    actor: str,
    wanted: dict[str, Any],
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
) -> ChangeAccepted:
    """Hold the new plan beside the live one and ask every participant for it."""
    try:
        async with database.transaction() as unit:
            return await _start(unit, booking_id, actor, wanted, catalog, settings, now)
    except HoldTaken:
        async with database.autocommit() as unit:
            row = await unit.bookings.get(booking_id)
            assert row is not None
            space = catalog.space(wanted.get("space_id") or row["space_id"])
            assert space is not None
            starts, ends = (
                wanted.get("starts_at") or row["starts_at"],
                wanted.get("ends_at") or row["ends_at"],
            )
            taken = await unit.holds.conflicts(space.units, Interval(starts, ends))
        raise SlotTaken(space.id, Interval(starts, ends), taken) from None


async def _start(
    unit: VenueUnit,
    booking_id: uuid.UUID,
    actor: str,
    wanted: dict[str, Any],
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
) -> ChangeAccepted:
    row = await unit.bookings.lock(booking_id)
    if row is None:
        raise NotChangeable("no such booking")
    if row["status"] != "confirmed":
        raise NotChangeable(f"only a confirmed booking can be changed; this one is {row['status']}")
    if await unit.changes.running(booking_id) is not None:
        raise NotChangeable("a change of this booking is still running")
    previous = plan_of(row)
    plan = {**previous, **wanted}
    changes = [field for field in PLAN_FIELDS if plan[field] != previous[field]]
    if not changes:
        raise NotChangeable("the request changes nothing")
    command = booking_command(plan, Organizer(**row["organizer"]), actor)
    violations = check(command.request, catalog, now)
    if violations:
        raise InvalidBooking(violations)
    space = catalog.space(plan["space_id"])
    assert space is not None
    blocked, closed = await hold_window(unit, catalog, space, command.request)
    if closed:
        raise InvalidBooking(closed)
    # never a rejected change's revision again: its row stays, and the participants remember their answer
    revision = await unit.changes.next_revision(booking_id, row["revision"])
    # a change is a saga of its own: its messages, rows and spans name it, not the booking saga
    with saga_scope(SagaTags.of(booking_id, revision, "hold", change=True)):
        held = (space, blocked, revision)
        accepted = await _hold_and_ask(
            unit, booking_id, held, command, (previous, plan, changes), settings, catalog, now
        )
        # a change that needs no participant applies at once, freeing the old plan's slot
        await promote_released(unit, catalog, settings.option_days, datetime.now(UTC))
        return accepted


async def _hold_and_ask(
    unit: VenueUnit,
    booking_id: uuid.UUID,
    held: tuple[Space, Interval, int],
    command: NewBooking,
    plans: tuple[dict[str, Any], dict[str, Any], list[str]],
    settings: SagaSettings,
    catalog: Catalog,
    now: datetime,
) -> ChangeAccepted:
    """Hold the new plan (``held``: where, when, as which revision), record the change and its steps,
    and send the reserve commands."""
    (space, blocked, revision), (previous, plan, changes) = held, plans
    await unit.holds.insert(booking_id, space.units, blocked, revision)
    needs_approval = space.requires_approval and bool(APPROVAL_FIELDS & set(changes))
    new_steps = ["approval"] * needs_approval + participants(plan)
    trace = (trace_id_hex(), current_traceparent())
    await unit.changes.insert(
        booking_id, revision, plan_json(plan), plan_json(previous), changes, command.actor, trace
    )
    deadlines = [settings.deadline(step, now) for step in new_steps]
    await unit.changes.add_steps(booking_id, revision, new_steps, deadlines)
    for step in new_steps:
        if step not in LOCAL_STEPS:
            unit.publish(reserve_command(step, booking_id, command, revision))
    detail = {"revision": revision, "changes": changes}
    await unit.audit.record(booking_id, command.actor, "change requested", detail, trace_id_hex())
    decision = rules.start(new_steps, set(participants(previous)))
    await apply_change_actions(unit, booking_id, revision, decision, catalog, None)
    return ChangeAccepted(booking_id, revision, decision.change.state.value, changes)
