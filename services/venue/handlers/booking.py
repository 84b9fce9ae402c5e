"""Use case of a new booking (or option): hold the space and start the saga in one transaction."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.venue.adapters.conflicts import HoldTaken, KeyTaken
from services.venue.adapters.unit_of_work import VenueDatabase, VenueUnit
from services.venue.domain.booking import Interval, Violation, check
from services.venue.domain.catalog import Catalog, Space
from services.venue.domain.commands import NewBooking, organizer_json
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.errors import IdempotencyKeyReused, InvalidBooking, SlotTaken
from services.venue.handlers.holding import hold_window
from services.venue.handlers.saga import first_status, start_saga
from shared.telemetry import SagaTags, current_traceparent, saga_scope, trace_id_hex


@dataclass(frozen=True)
class Accepted:
    booking_id: uuid.UUID
    status: str
    trace_id: str
    replayed: bool = False


async def create_booking(
    command: NewBooking,
    database: VenueDatabase,
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
    booking_id = uuid.uuid4()
    with saga_scope(SagaTags.of(booking_id, step="hold")):
        row = booking_row(command, booking_id, space, option_until)
        try:
            async with database.transaction() as unit:
                await hold(unit, command, row, space, catalog, now)
                status = await start(unit, command, row, space, catalog, settings, now, option_until)
        except KeyTaken:
            return await _replay(command, database, row["request_hash"])
        except Overlap as overlap:
            async with database.autocommit() as unit:
                taken = await unit.holds.conflicts(space.units, overlap.blocked)
            raise SlotTaken(space.id, overlap.blocked, taken) from None
    return Accepted(booking_id, status, row["trace_id"])


class Overlap(Exception):
    """The hold (``blocked``, grown for changeovers) or the lines overlap someone else's."""

    def __init__(self, blocked: Interval) -> None:
        super().__init__("overlap")
        self.blocked = blocked


def booking_row(
    command: NewBooking,
    booking_id: uuid.UUID,
    space: Space,
    option_until: datetime | None,
    series_id: uuid.UUID | None = None,
) -> dict[str, Any]:
    """The booking's row as the command asks for it (an option with ``option_until``)."""
    request = command.request
    return {
        "id": booking_id,
        "idempotency_key": _scoped(command),
        "request_hash": hashlib.sha256(command.canonical_body).hexdigest(),
        "organizer_id": command.organizer_id,
        "created_by": _account_of(command.actor),
        "space_id": space.id,
        "layout": request.layout,
        "starts_at": request.starts_at,
        "ends_at": request.ends_at,
        "attendees": request.attendees,
        "title": command.title,
        "organizer": organizer_json(command.organizer),
        "interpreting": command.interpreting,
        "catering": command.catering,
        "status": "option" if option_until else "pending",
        "phase": "option" if option_until else "running",
        "trace_id": trace_id_hex(),
        "trace_context": current_traceparent(),
        "first_status": "option" if option_until else first_status(command, space.requires_approval),
        "series_id": series_id,
        "public": command.public,
    }


async def hold(
    unit: VenueUnit, command: NewBooking, row: dict[str, Any], space: Space, catalog: Catalog, now: datetime
) -> None:
    """The booking and its holds (hall, lines, quote); InvalidBooking (a closure, too few lines, the
    quote) or Overlap (another booking) before anything is published, so a savepoint can undo it."""
    blocked, closed = await hold_window(unit, catalog, space, command.request)
    if closed:
        raise InvalidBooking(closed)
    try:
        await unit.bookings.insert(row, space.units, blocked)
        await _attach_addons(unit, row["id"], command, blocked, now)
    except HoldTaken:
        raise Overlap(blocked) from None


async def start(
    unit: VenueUnit,
    command: NewBooking,
    row: dict[str, Any],
    space: Space,
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
    option_until: datetime | None,
) -> str:
    """The held booking's first status: an option, or its saga started (its commands staged)."""
    booking_id, request = row["id"], command.request
    action = "option placed" if option_until else "created"
    detail = {"space_id": space.id, "starts_at": request.starts_at.isoformat()}
    await unit.audit.record(booking_id, command.actor, action, detail, row["trace_id"])
    if option_until:
        await unit.options.set_expiry(booking_id, option_until)
        status = "option"
    else:
        status = await start_saga(
            unit, booking_id, command, space.requires_approval, catalog, settings, now, row
        )
    if status != row["first_status"]:  # written with the row; never differs, but the replay answers it
        await unit.bookings.set_first_status(booking_id, status)
    return status


async def _attach_addons(
    unit: VenueUnit, booking_id: uuid.UUID, command: NewBooking, blocked: Interval, now: datetime
) -> None:
    """The quote the booking keeps, and the network lines it reserves (locked after the hall)."""
    if command.quote_id and (refused := await unit.quotes.attach_quote(booking_id, command.quote_id, now)):
        raise InvalidBooking(refused)
    if command.network_lines:
        lines = await unit.network_lines.reserve_lines(booking_id, command.network_lines, blocked)
        if lines is None:
            raise InvalidBooking([Violation("network_lines", "not enough international lines are free then")])


def _scoped(command: NewBooking) -> str | None:
    """Idempotency keys are per caller: two organizers may pick the same key."""
    return f"{command.actor}|{command.idempotency_key}" if command.idempotency_key else None


def _account_of(actor: str) -> uuid.UUID | None:
    _, _, account = actor.partition(":")
    try:
        return uuid.UUID(account)
    except ValueError:
        return None


async def _replay(command: NewBooking, database: VenueDatabase, request_hash: str) -> Accepted:
    """The same Idempotency-Key again: the first answer, or an error if the body differs."""
    key = _scoped(command)
    if key is None:  # the unique violation was not the key's; let it surface
        raise RuntimeError("unique violation without an idempotency key")
    async with database.autocommit() as unit:
        existing = await unit.bookings.by_idempotency_key(key)
    if existing is None:
        raise RuntimeError("unique violation without an idempotency key match")
    if existing["request_hash"] != request_hash:
        raise IdempotencyKeyReused()
    return Accepted(
        existing["id"], existing["first_status"] or "pending", existing["trace_id"], replayed=True
    )
