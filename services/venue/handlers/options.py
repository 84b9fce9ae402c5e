"""Use cases of option holds: an option holds a space for days without services; the organizer converts
it into a booking or lets it expire (its slot then goes to the waitlist)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from opentelemetry import trace

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.booking import Violation, check
from services.venue.domain.catalog import Catalog
from services.venue.domain.commands import booking_command
from services.venue.domain.settings import HoldSettings, SagaSettings
from services.venue.handlers.errors import InvalidBooking, OptionNotConvertible
from services.venue.handlers.events import booking_event
from services.venue.handlers.saga import start_saga
from services.venue.handlers.saga_metrics import count_booking
from services.venue.handlers.waitlist import SYSTEM, promote_waitlist
from shared.contracts import HoldExpired, HoldExpiring, Organizer
from shared.telemetry import SagaTags, resumed_span, trace_id_hex


async def convert_option(
    database: VenueDatabase,
    booking_id: uuid.UUID,
    actor: str,
    services: dict[str, Any],
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
) -> str:
    """Turn a live option into a booking with the services wanted; the saga starts now."""
    async with database.transaction() as unit:
        row = await unit.bookings.lock(booking_id)
        if row is None or row["status"] != "option":
            raise OptionNotConvertible("only an option can be converted")
        if row["hold_expires_at"] <= now:
            raise OptionNotConvertible("the option has expired")
        plan = {**row, "interpreting": services.get("interpreting"), "catering": services.get("catering")}
        command = booking_command(plan, Organizer(**row["organizer"]), actor, row["organizer_id"])
        violations = [
            v
            for v in check(command.request, catalog, now)
            if v.field.startswith(("interpreting", "catering"))
        ]
        if violations:
            raise InvalidBooking(violations)
        await unit.options.convert(booking_id, services)
        detail = {"services": list(services)}
        await unit.audit.record(booking_id, actor, "option converted", detail, trace_id_hex())
        space = catalog.space(row["space_id"])
        return await start_saga(
            unit, booking_id, command, bool(space and space.requires_approval), catalog, settings, now
        )


def _option_span(
    tracer: trace.Tracer | None, name: str, booking_id: uuid.UUID, stored: Mapping[str, str]
) -> AbstractContextManager[trace.Span]:
    """Options lapse days after they were placed: a trace of their own, linked to the option's."""
    tags = SagaTags.of(booking_id, step="hold")
    return resumed_span(tracer or trace.get_tracer(__name__), name, stored, tags, link=True)


async def expire_one(
    database: VenueDatabase,
    catalog: Catalog,
    settings: HoldSettings,
    now: datetime,
    tracer: trace.Tracer | None = None,
) -> bool:
    """Lapse one option past its expiry (freeing the space, promoting the waitlist); False if none."""
    async with database.transaction() as unit:
        due = await unit.options.due_to_expire(now)
        if due is None:
            return False
        booking_id, hold = due.booking_id, due.hold
        with _option_span(tracer, "option expiry", booking_id, due.trace_context):
            await unit.options.expired(booking_id)
            await unit.holds.release(booking_id)
            await unit.audit.record(booking_id, SYSTEM, "option expired", {}, trace_id_hex())
            unit.publish(await booking_event(unit, booking_id, catalog, HoldExpired))
            count_booking("expired")
            await promote_waitlist(unit, hold.space_id, hold.blocked, catalog, settings.option_days, now)
    return True


async def warn_one(
    database: VenueDatabase,
    catalog: Catalog,
    settings: HoldSettings,
    now: datetime,
    tracer: trace.Tracer | None = None,
) -> bool:
    """Tell the organizer of one option that it expires soon (once); False if none is due."""
    async with database.transaction() as unit:
        row = await unit.options.due_for_warning(now + settings.warn_before)
        if row is None:
            return False
        with _option_span(tracer, "option expiry warning", row["id"], row["trace_context"]):
            await unit.options.warned(row["id"])
            expires_at = row["hold_expires_at"]
            unit.publish(await booking_event(unit, row["id"], catalog, HoldExpiring, expires_at=expires_at))
    return True


async def set_option_expiry(
    database: VenueDatabase, booking_id: uuid.UUID, until: datetime, actor: str, now: datetime
) -> datetime:
    """Staff extend or shorten a live option (never past the event's start); the warning is sent anew."""
    async with database.transaction() as unit:
        row = await unit.options.lock(booking_id)
        if row is None or row["status"] != "option":
            raise OptionNotConvertible("only a live option has an expiry")
        if until <= now:
            raise InvalidBooking([Violation("expires_at", "must be in the future")])
        until = min(until, row["starts_at"])
        await unit.options.extend(booking_id, until)
        detail = {"expires_at": until.isoformat()}
        await unit.audit.record(booking_id, actor, "option expiry set", detail, trace_id_hex())
    return until
