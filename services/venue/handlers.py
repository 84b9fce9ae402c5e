"""Use cases of the venue: accept a booking, advance its saga on participant events and deadlines."""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import asyncpg

from services.venue import spaces
from services.venue.adapters import accounts, network_lines, quotes, repository
from services.venue.domain import saga as saga_rules
from services.venue.domain.booking import BookingRequest, Interval, Violation, blocked_interval, check
from services.venue.domain.cancellation import Tier, fee_minor, fee_percent
from services.venue.domain.catalog import Catalog, Space
from services.venue.saga_metrics import record_transition
from shared import metrics
from shared.contracts import (
    ApprovalNeeded,
    BookingCancelled,
    BookingConfirmed,
    BookingEvent,
    BookingReceived,
    BookingRejected,
    ConfirmCatering,
    ConfirmInterpreting,
    Message,
    Organizer,
    ReleaseCatering,
    ReleaseInterpreting,
    ReserveCatering,
    ReserveInterpreting,
)
from shared.db.unit_of_work import Database, UnitOfWork
from shared.telemetry import SagaTags, current_traceparent, saga_scope, trace_id_hex

log = logging.getLogger(__name__)

SAGA_ACTOR = "system:saga"


class InvalidBooking(Exception):
    def __init__(self, violations: list[Violation]) -> None:
        super().__init__("; ".join(f"{v.field}: {v.reason}" for v in violations))
        self.violations = violations


class SlotTaken(Exception):
    def __init__(self, space_id: str, requested: Interval, taken: list[Interval]) -> None:
        super().__init__(f"{space_id} is already held")
        self.space_id, self.requested, self.taken = space_id, requested, taken


class IdempotencyKeyReused(Exception):
    pass


@dataclass(frozen=True)
class NewBooking:
    """A validated-shape request from the API: the organizer's booking, with services wanted."""

    request: BookingRequest
    title: str
    organizer: Organizer
    organizer_id: uuid.UUID | None
    actor: str
    interpreting: dict[str, Any] | None
    catering: dict[str, Any] | None
    idempotency_key: str | None
    canonical_body: bytes
    quote_id: uuid.UUID | None = None
    network_lines: int = 0


@dataclass(frozen=True)
class Accepted:
    booking_id: uuid.UUID
    status: str
    trace_id: str
    replayed: bool = False


@dataclass(frozen=True)
class SagaSettings:
    step_timeout: timedelta = timedelta(seconds=30)
    approval_timeout: timedelta = timedelta(hours=48)
    option_days: int = 7  # options given to organizers promoted from the waitlist

    def deadline(self, step: str, now: datetime) -> datetime:
        return now + (self.approval_timeout if step == "approval" else self.step_timeout)


def _steps_wanted(command: NewBooking, needs_approval: bool) -> list[str]:
    wanted = (
        ("approval", needs_approval),
        ("interpreting", command.interpreting),
        ("catering", command.catering),
    )
    return [name for name, wanted_step in wanted if wanted_step]


async def create_booking(
    command: NewBooking,
    database: Database,
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
    option_until: datetime | None = None,
) -> Accepted:
    """Hold the space and start the saga in one transaction; 409 on overlap, nothing half-written.

    With ``option_until`` it is an option hold instead: the space only, no services, until then.
    """
    request = command.request
    violations = check(request, catalog, now)
    if violations:
        raise InvalidBooking(violations)
    space = catalog.space(request.space_id)
    assert space is not None
    blocked = blocked_interval(space, request.starts_at, request.ends_at)
    request_hash = hashlib.sha256(command.canonical_body).hexdigest()
    booking_id = uuid.uuid4()
    with saga_scope(SagaTags.of(booking_id, step="hold")):
        return await _hold_and_start(
            command, booking_id, request_hash, space, blocked, database, catalog, settings, now, option_until
        )


async def _hold_and_start(
    command: NewBooking,
    booking_id: uuid.UUID,
    request_hash: str,
    space: Space,
    blocked: Interval,
    database: Database,
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
    option_until: datetime | None,
) -> Accepted:
    request = command.request
    row: dict[str, Any] = {
        "id": booking_id,
        "idempotency_key": _scoped(command),
        "request_hash": request_hash,
        "organizer_id": command.organizer_id,
        "created_by": _account_of(command.actor),
        "space_id": space.id,
        "layout": request.layout,
        "starts_at": request.starts_at,
        "ends_at": request.ends_at,
        "attendees": request.attendees,
        "title": command.title,
        "organizer": _organizer_json(command.organizer),
        "interpreting": command.interpreting,
        "catering": command.catering,
        "status": "option" if option_until else "pending",
        "phase": "option" if option_until else "running",
        "trace_id": trace_id_hex(),
        "trace_context": current_traceparent(),
    }
    try:
        async with database.transaction() as unit:
            blocked, closed = await spaces.hold_window(unit.connection, catalog, space, request)
            if closed:
                raise InvalidBooking(closed)
            await repository.insert_booking(unit.connection, row, space.units, blocked, {})
            await _attach_addons(unit, booking_id, command, blocked, now)
            await accounts.audit(
                unit.connection,
                booking_id,
                command.actor,
                "option placed" if option_until else "created",
                {"space_id": space.id, "starts_at": request.starts_at.isoformat()},
                row["trace_id"],
            )
            if option_until:
                await repository.set_option_expiry(unit.connection, booking_id, option_until)
                status = "option"
            else:
                status = await start_saga(
                    unit, booking_id, command, space.requires_approval, catalog, settings, now
                )
            await unit.connection.execute(
                "UPDATE bookings SET first_status = $2 WHERE id = $1", booking_id, status
            )
    except asyncpg.UniqueViolationError:
        return await _replay(command, database, request_hash)
    except asyncpg.ExclusionViolationError:
        async with database.connection() as connection:
            taken = await repository.conflicts(connection, space.units, blocked)
        raise SlotTaken(space.id, blocked, taken) from None
    return Accepted(booking_id, status, row["trace_id"])


async def _attach_addons(
    unit: UnitOfWork, booking_id: uuid.UUID, command: NewBooking, blocked: Interval, now: datetime
) -> None:
    """The quote the booking keeps, and the network lines it reserves (locked after the hall)."""
    if command.quote_id and (
        refused := await quotes.attach_quote(unit.connection, booking_id, command.quote_id, now)
    ):
        raise InvalidBooking(refused)
    if command.network_lines:
        lines = await network_lines.reserve_lines(unit.connection, booking_id, command.network_lines, blocked)
        if lines is None:
            raise InvalidBooking([Violation("network_lines", "not enough international lines are free then")])


async def start_saga(
    unit: UnitOfWork,
    booking_id: uuid.UUID,
    command: NewBooking,
    needs_approval: bool,
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
) -> str:
    """Add the saga's steps to a held booking and send their first commands; the booking's status."""
    steps = _steps_wanted(command, needs_approval)
    deadlines = {step: settings.deadline(step, now) for step in steps}
    await repository.add_steps(unit.connection, booking_id, deadlines)
    for step in steps:
        if step not in saga_rules.LOCAL_STEPS:
            unit.publish(reserve_command(step, booking_id, command))
    decision = saga_rules.start(steps)
    if decision.actions:  # nothing to wait for: confirmed at once
        await repository.save_saga(
            unit.connection, booking_id, saga_rules.Saga(saga_rules.Phase.RUNNING, {}), decision.saga, now, {}
        )
        await _apply(unit, booking_id, decision.actions, catalog, settings)
        return "confirmed"
    unit.publish(await booking_event(unit, booking_id, catalog, BookingReceived))
    if "approval" in deadlines:
        unit.publish(
            await booking_event(unit, booking_id, catalog, ApprovalNeeded, decide_by=deadlines["approval"])
        )
    return "pending"


def _scoped(command: NewBooking) -> str | None:
    """Idempotency keys are per caller: two organizers may pick the same key."""
    return f"{command.actor}|{command.idempotency_key}" if command.idempotency_key else None


def _account_of(actor: str) -> uuid.UUID | None:
    _, _, account = actor.partition(":")
    try:
        return uuid.UUID(account)
    except ValueError:
        return None


async def _replay(command: NewBooking, database: Database, request_hash: str) -> Accepted:
    """The same Idempotency-Key again: the first answer, or an error if the body differs."""
    key = _scoped(command)
    if key is None:  # the unique violation was not the key's; let it surface
        raise RuntimeError("unique violation without an idempotency key")
    async with database.connection() as connection:
        existing = await repository.by_idempotency_key(connection, key)
    if existing is None:
        raise RuntimeError("unique violation without an idempotency key match")
    if existing["request_hash"] != request_hash:
        raise IdempotencyKeyReused()
    return Accepted(
        existing["id"], existing["first_status"] or "pending", existing["trace_id"], replayed=True
    )


def _organizer_json(organizer: Organizer) -> dict[str, str]:
    return {
        "name": organizer.name,
        "email": organizer.email,
        "locale": organizer.locale,
        "time_zone": organizer.time_zone,
    }


def reserve_command(step: str, booking_id: uuid.UUID, command: NewBooking, revision: int = 0) -> Message:
    request = command.request
    if step == "interpreting":
        return ReserveInterpreting(
            booking_id=booking_id,
            revision=revision,
            space_id=request.space_id,
            starts_at=request.starts_at,
            ends_at=request.ends_at,
            floor_language=request.floor_language or "",
            target_languages=list(request.target_languages),
            attendees=request.attendees,
        )
    assert command.catering is not None
    return ReserveCatering(
        booking_id=booking_id,
        revision=revision,
        space_id=request.space_id,
        starts_at=request.starts_at,
        ends_at=request.ends_at,
        menu=command.catering["menu"],
        headcount=command.catering["headcount"],
        serve_at=command.catering.get("serve_at") and datetime.fromisoformat(command.catering["serve_at"]),
        dietary=command.catering.get("dietary") or {},
        allergy_notes=command.catering.get("allergy_notes", ""),
        layout=request.layout,
    )


def confirm_command(
    step: str, booking_id: uuid.UUID, revision: int, causation_id: uuid.UUID | None
) -> Message:
    return _CONFIRM[step](booking_id=booking_id, revision=revision, causation_id=causation_id)


def release_command(
    step: str, booking_id: uuid.UUID, revision: int, causation_id: uuid.UUID | None
) -> Message:
    return _RELEASE[step](booking_id=booking_id, revision=revision, causation_id=causation_id)


_CONFIRM: dict[str, Callable[..., Message]] = {
    "interpreting": ConfirmInterpreting,
    "catering": ConfirmCatering,
}
_RELEASE: dict[str, Callable[..., Message]] = {
    "interpreting": ReleaseInterpreting,
    "catering": ReleaseCatering,
}


async def advance(
    unit: UnitOfWork,
    booking_id: uuid.UUID,
    transition: Callable[[saga_rules.Saga], saga_rules.Decision],
    catalog: Catalog,
    settings: SagaSettings,
    detail: dict[str, str] | None = None,
    causation_id: uuid.UUID | None = None,
) -> bool:
    """Lock the saga, apply one transition, persist it and stage the messages it causes.

    Returns whether anything changed (late or repeated events change nothing).
    """
    locked = await repository.lock_saga(unit.connection, booking_id)
    if locked is None:
        log.warning("event for an unknown booking", extra={"fields": {"booking_id": str(booking_id)}})
        return False
    row, before = locked
    decision = transition(before)
    if decision.saga == before and not decision.actions:
        return False
    deadline = datetime.now(UTC) + settings.step_timeout  # waiting on a participant again (a release)
    waited = await repository.save_saga(
        unit.connection, booking_id, before, decision.saga, deadline, detail or {}
    )
    record_transition(before, decision.saga, waited)
    await _apply(unit, booking_id, decision.actions, catalog, settings, causation_id, row["revision"])
    return True


async def _apply(
    unit: UnitOfWork,
    booking_id: uuid.UUID,
    actions: list[saga_rules.Action],
    catalog: Catalog,
    settings: SagaSettings,
    causation_id: uuid.UUID | None = None,
    revision: int = 0,
) -> None:
    for action in actions:
        if isinstance(action, saga_rules.Confirm):
            unit.publish(confirm_command(action.step, booking_id, revision, causation_id))
        elif isinstance(action, saga_rules.Release):
            unit.publish(release_command(action.step, booking_id, revision, causation_id))
        elif isinstance(action, saga_rules.CancelBooking):
            metrics.count_booking("cancelled")
            await _release_hold_and_promote(unit, booking_id, catalog, settings)
            unit.publish(
                await booking_event(
                    unit, booking_id, catalog, BookingCancelled, causation_id, reason=action.reason
                )
            )
        elif isinstance(action, saga_rules.RejectBooking):
            metrics.count_booking("rejected")
            await _release_hold_and_promote(unit, booking_id, catalog, settings)
            await accounts.audit(
                unit.connection, booking_id, SAGA_ACTOR, "rejected", {"reason": action.reason}, trace_id_hex()
            )
            unit.publish(
                await booking_event(
                    unit, booking_id, catalog, BookingRejected, causation_id, reason=action.reason
                )
            )
        else:
            metrics.count_booking("confirmed")
            await accounts.audit(unit.connection, booking_id, SAGA_ACTOR, "confirmed", {}, trace_id_hex())
            unit.publish(await booking_event(unit, booking_id, catalog, BookingConfirmed, causation_id))


async def _release_hold_and_promote(
    unit: UnitOfWork, booking_id: uuid.UUID, catalog: Catalog, settings: SagaSettings
) -> None:
    from services.venue.holds import promote_waitlist  # holds builds on this module

    row = await unit.connection.fetchrow("SELECT space_id, blocked FROM bookings WHERE id = $1", booking_id)
    await repository.release_hold(unit.connection, booking_id)
    await promote_waitlist(
        unit, row["space_id"], row["blocked"], catalog, settings.option_days, datetime.now(UTC)
    )


async def booking_event(
    unit: UnitOfWork,
    booking_id: uuid.UUID,
    catalog: Catalog,
    event_type: type[BookingEvent],
    causation_id: uuid.UUID | None = None,
    **fields: Any,
) -> BookingEvent:
    """An event about the booking, with what every booking event carries read from its row."""
    row = await repository.booking(unit.connection, booking_id)
    assert row is not None
    space = catalog.space(row["space_id"])
    organizer = Organizer(**row["organizer"])
    if "services" in event_type.__struct_fields__:
        fields.setdefault("services", [name for name in ("interpreting", "catering") if row[name]])
    if event_type is BookingCancelled:
        fields |= {"fee_minor": row["fee_minor"] or 0, "currency": row["currency"]}
    return event_type(
        booking_id=booking_id,
        causation_id=causation_id,
        title=row["title"],
        space_id=row["space_id"],
        space_name=space.label(organizer.locale) if space else row["space_id"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        organizer=organizer,
        **fields,
    )


class NotAwaitingApproval(Exception):
    pass


async def decide_approval(
    database: Database,
    booking_id: uuid.UUID,
    approve: bool,
    reason: str,
    actor: str,
    catalog: Catalog,
    settings: SagaSettings,
) -> None:
    """Staff approve or reject a booking waiting for approval; the saga goes on from there."""
    with saga_scope(SagaTags.of(booking_id, step="approval")):
        async with database.transaction() as unit:
            locked = await repository.lock_saga(unit.connection, booking_id)
            if locked is None:
                raise NotAwaitingApproval()
            if locked[1].steps.get("approval") is saga_rules.StepState.PENDING:
                declined = f"the venue declined: {reason}"
                transition = (
                    partial(saga_rules.on_reserved, step="approval")
                    if approve
                    else partial(saga_rules.on_rejected, step="approval", reason=declined)
                )
                detail = "approved" if approve else f"declined: {reason}"
                await advance(unit, booking_id, transition, catalog, settings, {"approval": detail})
            else:
                await _decide_change_approval(unit, booking_id, approve, reason, catalog, settings)
            await accounts.audit(
                unit.connection,
                booking_id,
                actor,
                "approved" if approve else "declined",
                {"reason": reason},
                trace_id_hex(),
            )


class NotCancellable(Exception):
    pass


@dataclass(frozen=True)
class Cancellation:
    booking_id: uuid.UUID
    cancelled_at: datetime
    fee_percent: int
    fee_minor: int
    fee_base_minor: int
    currency: str


async def cancel_booking(
    database: Database,
    booking_id: uuid.UUID,
    actor: str,
    reason: str,
    now: datetime,
    catalog: Catalog,
    settings: SagaSettings,
    tiers: tuple[Tier, ...],
    price_of: Callable[[asyncpg.Record], Awaitable[int]],
) -> Cancellation:
    """Cancel a pending or confirmed booking: fee by the policy, hall freed at once, services released.

    Cancelling again answers the first cancellation (nothing changes); a rejected booking cannot be.
    """
    async with database.transaction() as unit:
        locked = await repository.lock_saga(unit.connection, booking_id)
        if locked is None:
            raise NotCancellable("no such booking")
        _, saga = locked
        row = await repository.booking(unit.connection, booking_id)
        assert row is not None
        if saga.phase is saga_rules.Phase.CANCELLED:
            return _cancellation(row)
        if saga.phase in (saga_rules.Phase.REJECTED, saga_rules.Phase.EXPIRED):
            raise NotCancellable(f"the booking is {saga.phase.value}; nothing is held")
        base = await price_of(row)
        percent = fee_percent(row["starts_at"], now, tiers)
        await repository.record_cancellation(
            unit.connection, booking_id, actor, percent, fee_minor(base, percent), base
        )
        transition = partial(saga_rules.cancel, reason=reason or "cancelled by the organizer")
        await advance(unit, booking_id, transition, catalog, settings)
        from services.venue.changes import abandon_running_change  # changes builds on this module

        await abandon_running_change(unit, booking_id, "the booking was cancelled", catalog, settings)
        await accounts.audit(
            unit.connection,
            booking_id,
            actor,
            "cancelled",
            {"reason": reason, "fee_percent": percent, "fee_minor": fee_minor(base, percent)},
            trace_id_hex(),
        )
        row = await repository.booking(unit.connection, booking_id)
        assert row is not None
        return _cancellation(row)


def _cancellation(row: asyncpg.Record) -> Cancellation:
    return Cancellation(
        booking_id=row["id"],
        cancelled_at=row["cancelled_at"],
        fee_percent=row["fee_percent"],
        fee_minor=row["fee_minor"],
        fee_base_minor=row["fee_base_minor"],
        currency=row["currency"],
    )


async def _decide_change_approval(
    unit: UnitOfWork,
    booking_id: uuid.UUID,
    approve: bool,
    reason: str,
    catalog: Catalog,
    settings: SagaSettings,
) -> None:
    """A change of a booking that needs approval waits for staff like a new booking does."""
    from services.venue import changes  # changes builds on this module
    from services.venue.domain import change as change_rules

    revision = await unit.connection.fetchval(
        "SELECT revision FROM change_steps WHERE booking_id = $1 AND step = 'approval' AND state = 'pending'",
        booking_id,
    )
    if revision is None:
        raise NotAwaitingApproval()
    transition = (
        partial(change_rules.on_reserved, step="approval")
        if approve
        else partial(
            change_rules.on_rejected, step="approval", reason=f"the venue declined the change: {reason}"
        )
    )
    with saga_scope(SagaTags.of(booking_id, revision, "approval", change=True)):
        await changes.advance_change(unit, booking_id, revision, transition, catalog, settings)
