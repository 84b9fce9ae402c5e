"""Use cases of changing a confirmed booking: the change saga, its participant answers and deadlines.

The new plan is held beside the live one (revision n+1 next to n, in the venue's holds and at every
participant). If every participant reserves it, it replaces the old plan in one transaction;
otherwise what it reserved is released and the booking stays exactly as it was.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg
from opentelemetry import trace

from services.venue import spaces
from services.venue.adapters import accounts, repository
from services.venue.domain import change as rules
from services.venue.domain.booking import BookingRequest, Interval, check
from services.venue.domain.catalog import Catalog
from services.venue.domain.saga import LOCAL_STEPS, StepState
from services.venue.handlers import (
    InvalidBooking,
    NewBooking,
    SagaSettings,
    SlotTaken,
    booking_event,
    confirm_command,
    release_command,
    reserve_command,
)
from shared.contracts import BookingChanged, Organizer
from shared.db.unit_of_work import Database, UnitOfWork
from shared.telemetry import SagaTags, current_traceparent, resumed_span, saga_scope, trace_id_hex

PLAN_FIELDS = ("space_id", "layout", "starts_at", "ends_at", "attendees", "title", "interpreting", "catering")
APPROVAL_FIELDS = {"space_id", "layout", "starts_at", "ends_at", "attendees"}


class NotChangeable(Exception):
    pass


@dataclass(frozen=True)
class ChangeAccepted:
    booking_id: uuid.UUID
    revision: int
    state: str
    changes: list[str]


def plan_of(row: asyncpg.Record) -> dict[str, Any]:
    return {field: row[field] for field in PLAN_FIELDS}


def _participants(plan: dict[str, Any]) -> list[str]:
    return [name for name in ("interpreting", "catering") if plan.get(name)]


def _command(booking_id: uuid.UUID, plan: dict[str, Any], organizer: Organizer, actor: str) -> NewBooking:
    interpreting, catering = plan["interpreting"], plan["catering"]
    request = BookingRequest(
        space_id=plan["space_id"],
        layout=plan["layout"],
        starts_at=plan["starts_at"],
        ends_at=plan["ends_at"],
        attendees=plan["attendees"],
        time_zone=organizer.time_zone,
        floor_language=interpreting["floor_language"] if interpreting else None,
        target_languages=tuple(interpreting["target_languages"]) if interpreting else (),
        catering_headcount=catering["headcount"] if catering else None,
        catering_menu=catering["menu"] if catering else None,
    )
    return NewBooking(
        request=request,
        title=plan["title"],
        organizer=organizer,
        organizer_id=None,
        actor=actor,
        interpreting=interpreting,
        catering=catering,
        idempotency_key=None,
        canonical_body=b"",
    )


async def request_change(
    database: Database,
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
    except asyncpg.ExclusionViolationError:
        async with database.connection() as connection:
            row = await repository.booking(connection, booking_id)
            assert row is not None
            space = catalog.space(wanted.get("space_id") or row["space_id"])
            assert space is not None
            starts, ends = (
                wanted.get("starts_at") or row["starts_at"],
                wanted.get("ends_at") or row["ends_at"],
            )
            taken = await repository.conflicts(connection, space.units, Interval(starts, ends))
        raise SlotTaken(space.id, Interval(starts, ends), taken) from None


async def _start(
    unit: UnitOfWork,
    booking_id: uuid.UUID,
    actor: str,
    wanted: dict[str, Any],
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
) -> ChangeAccepted:
    row = await unit.connection.fetchrow("SELECT * FROM bookings WHERE id = $1 FOR UPDATE", booking_id)
    if row is None:
        raise NotChangeable("no such booking")
    if row["status"] != "confirmed":
        raise NotChangeable(f"only a confirmed booking can be changed; this one is {row['status']}")
    if await unit.connection.fetchval(
        "SELECT 1 FROM booking_changes WHERE booking_id = $1 AND state = 'running'", booking_id
    ):
        raise NotChangeable("a change of this booking is still running")
    previous = plan_of(row)
    plan = {**previous, **wanted}
    changes = [field for field in PLAN_FIELDS if plan[field] != previous[field]]
    if not changes:
        raise NotChangeable("the request changes nothing")
    organizer = Organizer(**row["organizer"])
    command = _command(booking_id, plan, organizer, actor)
    violations = check(command.request, catalog, now)
    if violations:
        raise InvalidBooking(violations)
    space = catalog.space(plan["space_id"])
    assert space is not None
    blocked, closed = await spaces.hold_window(unit.connection, catalog, space, command.request)
    if closed:
        raise InvalidBooking(closed)
    # never a rejected change's revision again: its row stays, and the participants remember their answer
    revision = await unit.connection.fetchval(
        "SELECT greatest($2, max(revision)) + 1 FROM booking_changes WHERE booking_id = $1",
        booking_id,
        row["revision"],
    )
    # a change is a saga of its own: its messages, rows and spans name it, not the booking saga
    with saga_scope(SagaTags.of(booking_id, revision, "hold", change=True)):
        await repository.insert_holds(unit.connection, booking_id, space.units, blocked, revision)
        needs_approval = space.requires_approval and bool(APPROVAL_FIELDS & set(changes))
        new_steps = ["approval"] * needs_approval + _participants(plan)
        await unit.connection.execute(
            "INSERT INTO booking_changes (booking_id, revision, state, plan, previous, changes, actor, trace_id,"
            " trace_context) VALUES ($1, $2, 'running', $3, $4, $5, $6, $7, $8)",
            booking_id,
            revision,
            _json(plan),
            _json(previous),
            changes,
            actor,
            trace_id_hex(),
            current_traceparent(),
        )
        await unit.connection.execute(
            "INSERT INTO change_steps (booking_id, revision, step, position, state, deadline)"
            " SELECT $1, $2, step, position, 'pending', deadline"
            " FROM unnest($3::text[], $4::timestamptz[]) WITH ORDINALITY AS s(step, deadline, position)",
            booking_id,
            revision,
            new_steps,
            [settings.deadline(step, now) for step in new_steps],
        )
        for step in new_steps:
            if step not in LOCAL_STEPS:
                unit.publish(reserve_command(step, booking_id, command, revision))
        await accounts.audit(
            unit.connection,
            booking_id,
            actor,
            "change requested",
            {"revision": revision, "changes": changes},
            trace_id_hex(),
        )
        decision = rules.start(new_steps, set(_participants(previous)))
        await _apply(unit, booking_id, revision, decision, catalog, settings, None)
        return ChangeAccepted(booking_id, revision, decision.change.state.value, changes)


def _json(plan: dict[str, Any]) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, datetime) else value for key, value in plan.items()}


def _plan_from_json(stored: dict[str, Any]) -> dict[str, Any]:
    return {
        key: datetime.fromisoformat(value) if key in ("starts_at", "ends_at") else value
        for key, value in stored.items()
    }


async def advance_change(
    unit: UnitOfWork,
    booking_id: uuid.UUID,
    revision: int,
    transition: Callable[[rules.Change], rules.ChangeDecision],
    catalog: Catalog,
    settings: SagaSettings,
    detail: dict[str, str] | None = None,
    causation_id: uuid.UUID | None = None,
) -> bool:
    """Apply one transition to the change of ``revision`` (the booking row must be locked by the caller)."""
    stored = await unit.connection.fetchrow(
        "SELECT state, reason, previous FROM booking_changes WHERE booking_id = $1 AND revision = $2",
        booking_id,
        revision,
    )
    if stored is None:
        return False
    steps = await unit.connection.fetch(
        "SELECT step, state FROM change_steps WHERE booking_id = $1 AND revision = $2 ORDER BY position",
        booking_id,
        revision,
    )
    before = rules.Change(
        rules.ChangeState(stored["state"]),
        {s["step"]: StepState(s["state"]) for s in steps},
        frozenset(_participants(stored["previous"])),
        stored["reason"],
    )
    decision = transition(before)
    if decision.change == before and not decision.actions:
        return False
    changed = [step for step, state in decision.change.steps.items() if before.steps.get(step) is not state]
    for step in changed:
        await unit.connection.execute(
            "UPDATE change_steps SET state = $4, detail = COALESCE($5, detail), updated_at = now(),"
            " deadline = CASE WHEN $4 = 'pending' THEN deadline END"
            " WHERE booking_id = $1 AND revision = $2 AND step = $3",
            booking_id,
            revision,
            step,
            decision.change.steps[step].value,
            (detail or {}).get(step),
        )
    await _apply(unit, booking_id, revision, decision, catalog, settings, causation_id)
    return True


async def _apply(
    unit: UnitOfWork,
    booking_id: uuid.UUID,
    revision: int,
    decision: rules.ChangeDecision,
    catalog: Catalog,
    settings: SagaSettings,
    causation_id: uuid.UUID | None,
) -> None:
    for action in decision.actions:
        if isinstance(action, rules.ConfirmNew):
            unit.publish(confirm_command(action.step, booking_id, revision, causation_id))
        elif isinstance(action, rules.ReleaseNew):
            unit.publish(release_command(action.step, booking_id, revision, causation_id))
        elif isinstance(action, rules.ReleaseOld):
            # the live plan (ApplyChange comes last); not revision - 1, which a rejected change may have had
            live = await unit.connection.fetchval("SELECT revision FROM bookings WHERE id = $1", booking_id)
            unit.publish(release_command(action.step, booking_id, live, causation_id))
        elif isinstance(action, rules.ApplyChange):
            await _replace_plan(unit, booking_id, revision, decision.change, catalog, settings, causation_id)
        else:
            await _abandon(unit, booking_id, revision, action.reason)


async def _replace_plan(
    unit: UnitOfWork,
    booking_id: uuid.UUID,
    revision: int,
    change: rules.Change,
    catalog: Catalog,
    settings: SagaSettings,
    causation_id: uuid.UUID | None,
) -> None:
    from services.venue.holds import promote_waitlist  # holds builds on the handlers too

    stored = await unit.connection.fetchrow(
        "SELECT plan, changes, actor FROM booking_changes WHERE booking_id = $1 AND revision = $2",
        booking_id,
        revision,
    )
    before = await repository.booking(unit.connection, booking_id)
    assert before is not None
    plan = _plan_from_json(stored["plan"])
    await unit.connection.execute(
        "DELETE FROM space_holds WHERE booking_id = $1 AND revision <> $2", booking_id, revision
    )
    await unit.connection.execute(
        "UPDATE bookings SET space_id = $2, layout = $3, starts_at = $4, ends_at = $5, attendees = $6, title = $7,"
        " interpreting = $8, catering = $9, revision = $10, updated_at = now(),"
        " blocked = (SELECT during FROM space_holds WHERE booking_id = $1 AND revision = $10 LIMIT 1)"
        " WHERE id = $1",
        booking_id,
        plan["space_id"],
        plan["layout"],
        plan["starts_at"],
        plan["ends_at"],
        plan["attendees"],
        plan["title"],
        plan["interpreting"],
        plan["catering"],
        revision,
    )
    await unit.connection.execute(
        "DELETE FROM saga_steps WHERE booking_id = $1 AND step <> 'hold'", booking_id
    )
    await repository.add_steps(
        unit.connection, booking_id, {step: datetime.now(UTC) for step in change.steps}
    )
    await unit.connection.execute(
        "UPDATE saga_steps SET state = 'confirmed', deadline = NULL, detail = $2"
        " WHERE booking_id = $1 AND step <> 'hold'",
        booking_id,
        f"revision {revision}",
    )
    await unit.connection.execute(
        "UPDATE booking_changes SET state = 'applied', updated_at = now() WHERE booking_id = $1 AND revision = $2",
        booking_id,
        revision,
    )
    await accounts.audit(
        unit.connection,
        booking_id,
        "system:saga",
        "changed",
        {"revision": revision, "changes": list(stored["changes"])},
        trace_id_hex(),
    )
    unit.publish(
        await booking_event(
            unit,
            booking_id,
            catalog,
            BookingChanged,
            causation_id,
            changes=list(stored["changes"]),
            previous_starts_at=before["starts_at"],
            previous_ends_at=before["ends_at"],
        )
    )
    await promote_waitlist(
        unit, before["space_id"], before["blocked"], catalog, settings.option_days, datetime.now(UTC)
    )


async def _abandon(unit: UnitOfWork, booking_id: uuid.UUID, revision: int, reason: str) -> None:
    await unit.connection.execute(
        "DELETE FROM space_holds WHERE booking_id = $1 AND revision = $2", booking_id, revision
    )
    await unit.connection.execute(
        "UPDATE booking_changes SET state = 'rejected', reason = $3, updated_at = now()"
        " WHERE booking_id = $1 AND revision = $2",
        booking_id,
        revision,
        reason,
    )
    await accounts.audit(
        unit.connection,
        booking_id,
        "system:saga",
        "change rejected",
        {"revision": revision, "reason": reason},
        trace_id_hex(),
    )


async def abandon_running_change(
    unit: UnitOfWork, booking_id: uuid.UUID, reason: str, catalog: Catalog, settings: SagaSettings
) -> None:
    """Give up a change still running (e.g. the booking is cancelled): release what it reserved."""
    revision = await unit.connection.fetchval(
        "SELECT revision FROM booking_changes WHERE booking_id = $1 AND state = 'running'", booking_id
    )
    if revision is not None:
        await advance_change(
            unit, booking_id, revision, lambda c: rules.abandon(c, reason), catalog, settings
        )


async def expire_change_step(
    database: Database, catalog: Catalog, settings: SagaSettings, tracer: trace.Tracer | None = None
) -> bool:
    """Give up one change step past its deadline (in the change's stored trace); False when none is due."""
    async with database.transaction() as unit:
        due = await unit.connection.fetchrow(
            "SELECT s.booking_id, s.revision, s.step, c.trace_context FROM change_steps s"
            " JOIN booking_changes c USING (booking_id, revision) JOIN bookings b ON b.id = s.booking_id"
            " WHERE s.deadline < now() ORDER BY s.deadline LIMIT 1 FOR UPDATE OF b SKIP LOCKED"
        )
        if due is None:
            return False
        step = due["step"]
        tags = SagaTags.of(due["booking_id"], due["revision"], step, change=True)
        with resumed_span(
            tracer or trace.get_tracer(__name__), "change deadline", due["trace_context"], tags
        ):
            reason = f"the {step} step of the change got no answer in time; the booking is unchanged"
            if not await advance_change(
                unit,
                due["booking_id"],
                due["revision"],
                lambda c: rules.on_deadline(c, step, reason),
                catalog,
                settings,
            ):
                await unit.connection.execute(
                    "UPDATE change_steps SET deadline = NULL WHERE booking_id = $1 AND revision = $2 AND step = $3",
                    due["booking_id"],
                    due["revision"],
                    step,
                )
    return True
