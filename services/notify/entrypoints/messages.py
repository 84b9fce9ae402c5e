"""The notify service's NATS consumers: venue booking, account and guest events, and vendor task events.

Task subjects carry the vendor (``tasks.<kind>.<vendor_id>.<event>``); the shared consumer routes them
to their contract by the subject template. A task of a vendor not in ``recipients.json`` reaches no
vendor (logged), while staff still hear of declines and escalations, and organizers of escalations.
"""

from __future__ import annotations

from collections.abc import Mapping

from services.notify.handlers.accounts import on_account_event
from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.guests import on_guest_invited
from services.notify.handlers.tasks import on_task_event
from services.notify.handlers.telling import Notifier
from shared.contracts import (
    ACCOUNT_EVENTS,
    AccountEvent,
    ApprovalNeeded,
    BookingCancelled,
    BookingChanged,
    BookingConfirmed,
    BookingEvent,
    BookingReceived,
    BookingRejected,
    HoldExpired,
    HoldExpiring,
    Message,
    VendorTaskAssigned,
    VendorTaskCancelled,
    VendorTaskChanged,
    VendorTaskDeclined,
    VendorTaskEscalated,
    WaitlistPromoted,
)
from shared.contracts.guest_events import GuestInvited
from shared.contracts.tasks import VendorTaskMessage
from shared.db.unit_of_work import UnitOfWork
from shared.messaging.consumer import Handler
from shared.messaging.streams import CONSUMERS, Consumer

BOOKING_EVENTS: tuple[type[BookingEvent], ...] = (
    BookingReceived,
    BookingConfirmed,
    BookingRejected,
    BookingChanged,
    BookingCancelled,
    HoldExpiring,
    HoldExpired,
    WaitlistPromoted,
    ApprovalNeeded,
)
TASK_EVENTS: tuple[type[VendorTaskMessage], ...] = (
    VendorTaskAssigned,
    VendorTaskChanged,
    VendorTaskCancelled,
    VendorTaskDeclined,
    VendorTaskEscalated,
)


def _consumer(durable: str) -> Consumer:
    return next(consumer for consumer in CONSUMERS if consumer.durable == durable)


def routes(notifier: Notifier) -> Mapping[Consumer, Mapping[type[Message], Handler]]:
    """Booking events on ``notify-booking-events``; task events on ``notify-task-events``."""

    async def on_booking(event: BookingEvent, unit: UnitOfWork) -> None:
        """Tell the organizer (or staff) about the booking, in their language and time zone."""
        await on_booking_event(event, unit, notifier)

    async def on_account(event: AccountEvent, unit: UnitOfWork) -> None:
        """Tell the person what concerns their account (by e-mail only); keep an organizer's contact."""
        await on_account_event(event, unit, notifier)

    async def on_invited(event: GuestInvited, unit: UnitOfWork) -> None:
        """E-mail the invited guest their personal link, in their language (once per event)."""
        await on_guest_invited(event, unit, notifier)

    async def on_task(message: VendorTaskMessage, unit: UnitOfWork) -> None:
        """Tell the vendor about its task, staff about a decline, staff and the organizer about an escalation."""
        await on_task_event(message, unit, notifier)

    return {
        _consumer("notify-booking-events"): {
            **dict.fromkeys(BOOKING_EVENTS, on_booking),
            **dict.fromkeys(ACCOUNT_EVENTS, on_account),
            GuestInvited: on_invited,
        },
        _consumer("notify-task-events"): dict.fromkeys(TASK_EVENTS, on_task),
    }
