"""The change saga's engine: advance a booking's change by one transition, and apply or abandon it.

The new plan is held beside the live one (revision n+1 next to n, in the venue's holds and at every
participant). If every participant reserves it, it replaces the old plan in one transaction;
otherwise what it reserved is released and the booking stays exactly as it was. A plan replaced
frees what the old one blocked: it goes to ``unit.released`` for the waitlist, as a compensation does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from services.venue.adapters.unit_of_work import VenueUnit
from services.venue.domain import change as rules
from services.venue.domain.booking import Interval, ReleasedHold
from services.venue.domain.catalog import Catalog
from services.venue.domain.messages import confirm_command, release_command
from services.venue.domain.saga import StepState
from services.venue.handlers.events import booking_event
from services.venue.handlers.saga import SAGA_ACTOR
from shared.contracts import BookingChanged
from shared.telemetry import trace_id_hex

PLAN_FIELDS = ("space_id", "layout", "starts_at", "ends_at", "attendees", "title", "interpreting", "catering")

ChangeTransition = Callable[[rules.Change], rules.ChangeDecision]


def plan_of(row: Any) -> dict[str, Any]:
    return {field: row[field] for field in PLAN_FIELDS}


def participants(plan: dict[str, Any]) -> list[str]:
    return [name for name in ("interpreting", "catering") if plan.get(name)]


def plan_json(plan: dict[str, Any]) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, datetime) else value for key, value in plan.items()}


def _plan_from_json(stored: dict[str, Any]) -> dict[str, Any]:
    return {
        key: datetime.fromisoformat(value) if key in ("starts_at", "ends_at") else value
        for key, value in stored.items()
    }


async def advance_change(
    unit: VenueUnit,
    booking_id: uuid.UUID,
    revision: int,
    transition: ChangeTransition,
    catalog: Catalog,
    detail: dict[str, str] | None = None,
    causation_id: uuid.UUID | None = None,
) -> bool:
    """Apply one transition to the change of ``revision`` (the booking row must be locked by the caller)."""
    stored = await unit.changes.get(booking_id, revision)
    if stored is None:
        return False
    steps = await unit.changes.steps(booking_id, revision)
    before = rules.Change(
        rules.ChangeState(stored["state"]),
        {s["step"]: StepState(s["state"]) for s in steps},
        frozenset(participants(stored["previous"])),
        stored["reason"],
    )
    decision = transition(before)
    if decision.change == before and not decision.actions:
        return False
    changed = [step for step, state in decision.change.steps.items() if before.steps.get(step) is not state]
    for step in changed:
        state = decision.change.steps[step].value
        await unit.changes.set_step(booking_id, revision, step, state, (detail or {}).get(step))
    await apply_change_actions(unit, booking_id, revision, decision, catalog, causation_id)
    return True


async def apply_change_actions(
    unit: VenueUnit,
    booking_id: uuid.UUID,
    revision: int,
    decision: rules.ChangeDecision,
    catalog: Catalog,
    causation_id: uuid.UUID | None,
) -> None:
    for action in decision.actions:
        if isinstance(action, rules.ConfirmNew):
            unit.publish(confirm_command(action.step, booking_id, revision, causation_id))
        elif isinstance(action, rules.ReleaseNew):
            unit.publish(release_command(action.step, booking_id, revision, causation_id))
        elif isinstance(action, rules.ReleaseOld):
            # the live plan (ApplyChange comes last); not revision - 1, which a rejected change may have had
            live = await unit.bookings.live_revision(booking_id)
            unit.publish(release_command(action.step, booking_id, live, causation_id))
        elif isinstance(action, rules.ApplyChange):
            await _replace_plan(unit, booking_id, revision, decision.change, catalog, causation_id)
        else:
            await _abandon(unit, booking_id, revision, action.reason)


async def _replace_plan(
    unit: VenueUnit,
    booking_id: uuid.UUID,
    revision: int,
    change: rules.Change,
    catalog: Catalog,
    causation_id: uuid.UUID | None,
) -> None:
    stored = await unit.changes.plan(booking_id, revision)
    before = await unit.bookings.get(booking_id)
    assert before is not None
    await unit.holds.keep_only(booking_id, revision)
    await unit.bookings.replace_plan(booking_id, _plan_from_json(stored["plan"]), revision)
    await unit.sagas.confirm_plan(booking_id, list(change.steps), datetime.now(UTC), revision)
    await unit.changes.applied(booking_id, revision)
    changes = list(stored["changes"])
    detail = {"revision": revision, "changes": changes}
    await unit.audit.record(booking_id, SAGA_ACTOR, "changed", detail, trace_id_hex())
    event = await booking_event(
        unit,
        booking_id,
        catalog,
        BookingChanged,
        causation_id,
        changes=changes,
        previous_starts_at=before["starts_at"],
        previous_ends_at=before["ends_at"],
    )
    unit.publish(event)
    if before["blocked_from"] is not None:
        blocked = Interval(before["blocked_from"], before["blocked_to"])
        unit.released.append(ReleasedHold(before["space_id"], blocked))


async def _abandon(unit: VenueUnit, booking_id: uuid.UUID, revision: int, reason: str) -> None:
    await unit.holds.drop(booking_id, revision)
    await unit.changes.rejected(booking_id, revision, reason)
    detail = {"revision": revision, "reason": reason}
    await unit.audit.record(booking_id, SAGA_ACTOR, "change rejected", detail, trace_id_hex())


async def abandon_running_change(
    unit: VenueUnit, booking_id: uuid.UUID, reason: str, catalog: Catalog
) -> None:
    """Give up a change still running (e.g. the booking is cancelled): release what it reserved."""
    revision = await unit.changes.running(booking_id)
    if revision is not None:
        await advance_change(unit, booking_id, revision, lambda c: rules.abandon(c, reason), catalog)
