"""The notify service's NATS consumers: venue booking events, and vendor task events.

Task subjects carry the vendor (``tasks.<kind>.<vendor_id>.<event>``), while the shared consumer binding
routes by exact subject: each task event type is bound once per vendor of ``recipients.json`` through a
subclass with that vendor's concrete subject. A task of a vendor not in the file is acked unread.
"""

from __future__ import annotations

import types
from collections.abc import Mapping

from services.notify.adapters.recipients import Directory
from services.notify.handlers import Notifier, on_booking_event, on_task_event
from shared.contracts import (
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
from shared.contracts.tasks import VendorTaskMessage
from shared.db.unit_of_work import UnitOfWork
from shared.messaging.consumer import Handler
from shared.messaging.streams import CONSUMERS, Consumer

BOOKING_EVENTS: tuple[type[BookingEvent], ...] = (
    BookingReceived, BookingConfirmed, BookingRejected, BookingChanged, BookingCancelled, HoldExpiring, HoldExpired,
    WaitlistPromoted, ApprovalNeeded,
)  # fmt: skip
TASK_EVENTS: tuple[type[VendorTaskMessage], ...] = (
    VendorTaskAssigned, VendorTaskChanged, VendorTaskCancelled, VendorTaskDeclined, VendorTaskEscalated,
)  # fmt: skip


def for_vendor(message_type: type[VendorTaskMessage], kind: str, vendor_id: str) -> type[VendorTaskMessage]:
    """``message_type`` bound to one vendor's subject (decodes to an instance of ``message_type``)."""
    subject = message_type.subject.format(kind=kind, vendor_id=vendor_id)
    return types.new_class(
        message_type.__name__, (message_type,), {"frozen": True, "kw_only": True},
        lambda namespace: namespace.update({"subject": subject, "__module__": __name__}),
    )  # fmt: skip


def _consumer(durable: str) -> Consumer:
    return next(consumer for consumer in CONSUMERS if consumer.durable == durable)


def routes(notifier: Notifier, directory: Directory) -> Mapping[Consumer, Mapping[type[Message], Handler]]:
    """Booking events on ``notify-booking-events``; task events of known vendors on ``notify-task-events``."""

    async def on_booking(event: BookingEvent, unit: UnitOfWork) -> None:
        """Tell the organizer (or staff) about the booking, in their language and time zone."""
        await on_booking_event(event, unit, notifier)

    async def on_task(message: VendorTaskMessage, unit: UnitOfWork) -> None:
        """Tell the vendor about its task, or staff about a decline or an escalation."""
        await on_task_event(message, unit, notifier)

    task_routes: dict[type[Message], Handler] = {
        for_vendor(message_type, kind, vendor_id): on_task
        for vendor_id, kind in sorted(directory.vendor_kinds().items())
        for message_type in TASK_EVENTS
    }
    return {
        _consumer("notify-booking-events"): dict.fromkeys(BOOKING_EVENTS, on_booking),
        _consumer("notify-task-events"): task_routes,
    }
