"""Use cases of option holds and the waitlist.

An option holds a space for days without services; the organizer converts it into a booking or lets
it expire. Others may queue behind a hold or booking of the same time; whenever a hold is released
(expired, rejected, cancelled) the first in the queue whose slot is now free gets an option of its own.
"""

from __future__ import annotations

import logging
import uuid
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import asyncpg
from opentelemetry import trace

from services.venue import spaces
from services.venue.adapters import accounts, repository
from services.venue.domain.booking import BookingRequest, Violation, blocked_interval, check
from services.venue.domain.catalog import Catalog
from services.venue.handlers import (
    InvalidBooking,
    NewBooking,
    SagaSettings,
    booking_event,
    start_saga,
)
from shared import metrics
from shared.contracts import HoldExpired, HoldExpiring, Organizer, WaitlistPromoted
from shared.db.unit_of_work import Database, UnitOfWork
from shared.telemetry import SagaTags, resumed_span, trace_id_hex

log = logging.getLogger(__name__)

SYSTEM = "system:holds"


@dataclass(frozen=True)
class HoldSettings:
    option_days: int = 7
    warn_before: timedelta = timedelta(hours=24)


def option_until(now: datetime, starts_at: datetime, days: int) -> datetime:
    """An option lasts ``days``, but never past the event's start."""
    return min(now + timedelta(days=days), starts_at)


class OptionNotConvertible(Exception):
    pass


async def convert_option(
    database: Database,
    booking_id: uuid.UUID,
    actor: str,
    services: dict[str, Any],
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
) -> str:
    """Turn a live option into a booking with the services wanted; the saga starts now."""
    async with database.transaction() as unit:
        row = await unit.connection.fetchrow("SELECT * FROM bookings WHERE id = $1 FOR UPDATE", booking_id)
        if row is None or row["status"] != "option":
            raise OptionNotConvertible("only an option can be converted")
        if row["hold_expires_at"] <= now:
            raise OptionNotConvertible("the option has expired")
        command = _command_from_row(row, services, actor)
        violations = [
            v
            for v in check(command.request, catalog, now)
            if v.field.startswith(("interpreting", "catering"))
        ]
        if violations:
            raise InvalidBooking(violations)
        await unit.connection.execute(
            "UPDATE bookings SET status = 'pending', phase = 'running', hold_expires_at = NULL,"
            " interpreting = $2, catering = $3, updated_at = now() WHERE id = $1",
            booking_id,
            services.get("interpreting"),
            services.get("catering"),
        )
        await accounts.audit(
            unit.connection,
            booking_id,
            actor,
            "option converted",
            {"services": list(services)},
            trace_id_hex(),
        )
        space = catalog.space(row["space_id"])
        return await start_saga(
            unit, booking_id, command, bool(space and space.requires_approval), catalog, settings, now
        )


def _command_from_row(row: asyncpg.Record, services: dict[str, Any], actor: str) -> NewBooking:
    interpreting, catering = services.get("interpreting"), services.get("catering")
    organizer = Organizer(**row["organizer"])
    request = BookingRequest(
        space_id=row["space_id"],
        layout=row["layout"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        attendees=row["attendees"],
        time_zone=organizer.time_zone,
        floor_language=interpreting["floor_language"] if interpreting else None,
        target_languages=tuple(interpreting["target_languages"]) if interpreting else (),
        catering_headcount=catering["headcount"] if catering else None,
        catering_menu=catering["menu"] if catering else None,
    )
    return NewBooking(
        request=request,
        title=row["title"],
        organizer=organizer,
        organizer_id=row["organizer_id"],
        actor=actor,
        interpreting=interpreting,
        catering=catering,
        idempotency_key=None,
        canonical_body=b"",
    )


def _option_span(
    tracer: trace.Tracer | None, name: str, row: asyncpg.Record
) -> AbstractContextManager[trace.Span]:
    """Options lapse days after they were placed: a trace of their own, linked to the option's."""
    tags = SagaTags.of(row["id"], step="hold")
    return resumed_span(tracer or trace.get_tracer(__name__), name, row["trace_context"], tags, link=True)


async def expire_one(
    database: Database,
    catalog: Catalog,
    settings: HoldSettings,
    now: datetime,
    tracer: trace.Tracer | None = None,
) -> bool:
    """Lapse one option past its expiry (freeing the space, promoting the waitlist); False if none."""
    async with database.transaction() as unit:
        row = await unit.connection.fetchrow(
            "SELECT id, space_id, blocked, trace_context FROM bookings"
            " WHERE status = 'option' AND hold_expires_at <= $1"
            " ORDER BY hold_expires_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            now,
        )
        if row is None:
            return False
        with _option_span(tracer, "option expiry", row):
            await unit.connection.execute(
                "UPDATE bookings SET status = 'expired', phase = 'expired', updated_at = now() WHERE id = $1",
                row["id"],
            )
            await repository.release_hold(unit.connection, row["id"])
            await accounts.audit(unit.connection, row["id"], SYSTEM, "option expired", {}, trace_id_hex())
            unit.publish(await booking_event(unit, row["id"], catalog, HoldExpired))
            metrics.count_booking("expired")
            await promote_waitlist(unit, row["space_id"], row["blocked"], catalog, settings.option_days, now)
    return True


async def warn_one(
    database: Database,
    catalog: Catalog,
    settings: HoldSettings,
    now: datetime,
    tracer: trace.Tracer | None = None,
) -> bool:
    """Tell the organizer of one option that it expires soon (once); False if none is due."""
    async with database.transaction() as unit:
        row = await unit.connection.fetchrow(
            "SELECT id, hold_expires_at, trace_context FROM bookings WHERE status = 'option'"
            " AND expiry_warned_at IS NULL AND hold_expires_at <= $1 LIMIT 1 FOR UPDATE SKIP LOCKED",
            now + settings.warn_before,
        )
        if row is None:
            return False
        with _option_span(tracer, "option expiry warning", row):
            await unit.connection.execute(
                "UPDATE bookings SET expiry_warned_at = now() WHERE id = $1", row["id"]
            )
            unit.publish(
                await booking_event(unit, row["id"], catalog, HoldExpiring, expires_at=row["hold_expires_at"])
            )
    return True


async def join_waitlist(
    database: Database, command: NewBooking, catalog: Catalog, now: datetime
) -> tuple[uuid.UUID, int]:
    """Queue behind whatever holds the slot; answers the entry id and its place in the queue."""
    violations = check(command.request, catalog, now)
    if violations:
        raise InvalidBooking(violations)
    request = command.request
    space = catalog.space(request.space_id)
    assert space is not None and command.organizer_id is not None
    blocked = blocked_interval(space, request.starts_at, request.ends_at)
    async with database.transaction() as unit:
        if not await repository.conflicts(unit.connection, space.units, blocked):
            raise SlotFree(space.id)
        entry_id = uuid.uuid4()
        await unit.connection.execute(
            "INSERT INTO waitlist (id, organizer_id, space_id, units, layout, starts_at, ends_at, blocked, attendees,"
            " title) VALUES ($1, $2, $3, $4, $5, $6, $7, tstzrange($8, $9), $10, $11)",
            entry_id,
            command.organizer_id,
            space.id,
            space.units,
            request.layout,
            request.starts_at,
            request.ends_at,
            blocked.starts_at,
            blocked.ends_at,
            request.attendees,
            command.title,
        )
        place = await unit.connection.fetchval(
            "SELECT count(*) FROM waitlist WHERE status = 'waiting' AND units && $1 AND blocked && tstzrange($2, $3)"
            " AND created_at <= (SELECT created_at FROM waitlist WHERE id = $4)",
            space.units,
            blocked.starts_at,
            blocked.ends_at,
            entry_id,
        )
    return entry_id, int(place)


class SlotFree(Exception):
    def __init__(self, space_id: str) -> None:
        super().__init__(f"{space_id} is free at that time")
        self.space_id = space_id


async def promote_waitlist(
    unit: UnitOfWork, space_id: str, released: Any, catalog: Catalog, option_days: int, now: datetime
) -> list[uuid.UUID]:
    """Give an option to each queued organizer whose slot the release freed, first come first served."""
    space = catalog.space(space_id)
    if space is None:
        return []
    entries = await unit.connection.fetch(
        "SELECT w.*, a.name, a.email, a.locale, a.time_zone FROM waitlist w JOIN accounts a ON a.id = w.organizer_id"
        " WHERE w.status = 'waiting' AND w.units && $1 AND w.blocked && $2 ORDER BY w.created_at FOR UPDATE OF w",
        space.units,
        released,
    )
    promoted = []
    for entry in entries:
        option = await _try_option(unit, entry, catalog, option_days, now)
        if option is not None:
            promoted.append(option)
    return promoted


async def _try_option(
    unit: UnitOfWork, entry: asyncpg.Record, catalog: Catalog, option_days: int, now: datetime
) -> uuid.UUID | None:
    space = catalog.space(entry["space_id"])
    assert space is not None
    organizer = Organizer(
        name=entry["name"], email=entry["email"], locale=entry["locale"], time_zone=entry["time_zone"]
    )
    booking_id = uuid.uuid4()
    until = option_until(now, entry["starts_at"], option_days)
    row = {
        "id": booking_id,
        "idempotency_key": None,
        "request_hash": "",
        "organizer_id": entry["organizer_id"],
        "created_by": None,
        "space_id": space.id,
        "layout": entry["layout"],
        "starts_at": entry["starts_at"],
        "ends_at": entry["ends_at"],
        "attendees": entry["attendees"],
        "title": entry["title"],
        "organizer": {
            "name": organizer.name,
            "email": organizer.email,
            "locale": organizer.locale,
            "time_zone": organizer.time_zone,
        },
        "interpreting": None,
        "catering": None,
        "status": "option",
        "phase": "option",
        "trace_id": trace_id_hex(),
        "trace_context": {},
    }
    request = BookingRequest(
        space_id=space.id,
        layout=entry["layout"],
        starts_at=entry["starts_at"],
        ends_at=entry["ends_at"],
        attendees=entry["attendees"],
        time_zone=organizer.time_zone,
    )
    try:
        async with unit.connection.transaction():  # a savepoint: still taken by someone else is fine
            blocked, closed = await spaces.hold_window(unit.connection, catalog, space, request)
            if closed:  # a closure came since they queued: they keep waiting
                return None
            await repository.insert_booking(unit.connection, row, space.units, blocked, {})
    except asyncpg.ExclusionViolationError:
        return None
    await repository.set_option_expiry(unit.connection, booking_id, until)
    await unit.connection.execute(
        "UPDATE waitlist SET status = 'promoted', booking_id = $2, updated_at = now() WHERE id = $1",
        entry["id"],
        booking_id,
    )
    await accounts.audit(
        unit.connection,
        booking_id,
        SYSTEM,
        "promoted from the waitlist",
        {"waitlist_id": str(entry["id"])},
        trace_id_hex(),
    )
    unit.publish(await booking_event(unit, booking_id, catalog, WaitlistPromoted, expires_at=until))
    return booking_id


async def set_option_expiry(
    database: Database, booking_id: uuid.UUID, until: datetime, actor: str, now: datetime
) -> datetime:
    """Staff extend or shorten a live option (never past the event's start); the warning is sent anew."""
    async with database.transaction() as unit:
        row = await unit.connection.fetchrow(
            "SELECT status, starts_at FROM bookings WHERE id = $1 FOR UPDATE", booking_id
        )
        if row is None or row["status"] != "option":
            raise OptionNotConvertible("only a live option has an expiry")
        if until <= now:
            raise InvalidBooking([Violation("expires_at", "must be in the future")])
        until = min(until, row["starts_at"])
        await unit.connection.execute(
            "UPDATE bookings SET hold_expires_at = $2, expiry_warned_at = NULL, updated_at = now() WHERE id = $1",
            booking_id,
            until,
        )
        await accounts.audit(
            unit.connection,
            booking_id,
            actor,
            "option expiry set",
            {"expires_at": until.isoformat()},
            trace_id_hex(),
        )
    return until
