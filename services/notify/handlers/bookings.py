"""Booking events from the venue: keep notify's picture of the booking, then tell the organizer (or staff)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

import msgspec

from services.notify.adapters import bookings, recipients
from services.notify.domain.calendar import booking_calendar
from services.notify.domain.outcome import booking_variables, event_name
from services.notify.domain.projection import BookingView, status_after, still_true
from services.notify.handlers.reminders import follow_booking
from services.notify.handlers.telling import Notifier, Telling, tell
from shared.contracts import ApprovalNeeded, BookingConfirmed, BookingEvent
from shared.db.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


def _calendar(event: BookingEvent, notifier: Notifier) -> str:
    if not isinstance(event, BookingConfirmed):
        return ""
    venue = notifier.templates.for_locale(event.organizer.locale).style.venue_name
    return booking_calendar(
        event.booking_id,
        event.title,
        f"{event.space_name}, {venue}",
        event.starts_at,
        event.ends_at,
        event.occurred_at,
        description=f"Booking {event.booking_id}",
    )


def _webhook_data(event: BookingEvent) -> dict:
    data = msgspec.to_builtins(event)
    data["event"] = event_name(event)
    return data


async def on_booking_event(
    event: BookingEvent,
    unit: UnitOfWork,
    notifier: Notifier,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> bool:
    """Project the event, keep the reminders in step, and tell whom it concerns, once; False if nobody new."""
    connection = unit.connection
    await bookings.lock_booking(connection, event.booking_id)
    organizer = await recipients.upsert_organizer(connection, event.organizer, event.occurred_at)
    known = await bookings.booking(connection, event.booking_id)
    fields = {
        "booking_id": str(event.booking_id),
        "message_id": str(event.message_id),
        "event": event_name(event),
    }
    superseded = known is not None and known[1] > event.occurred_at
    if superseded and not (known and still_true(event, known[0].status)):
        log.info("superseded event: nobody told", extra={"fields": fields})
        return False
    if not superseded:  # a late event that still holds is told, but the newer picture stays
        before = known[0] if known else None
        booking = BookingView(
            booking_id=event.booking_id,
            organizer_key=organizer.key,
            title=event.title,
            space_id=event.space_id,
            space_name=event.space_name,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            status=status_after(event, before.status if before else None),
        )
        await bookings.save_booking(connection, booking, event.occurred_at)
        await follow_booking(connection, notifier, booking, before, clock())
    audience = await recipients.staff(connection) if isinstance(event, ApprovalNeeded) else [organizer]
    telling = Telling(
        message_id=event.message_id,
        notice=event_name(event),
        booking_id=event.booking_id,
        variables=lambda reader, contact: booking_variables(event, reader, contact.name),
        data=_webhook_data(event),
        ics=_calendar(event, notifier),
    )
    return await tell(connection, notifier, telling, audience) > 0
