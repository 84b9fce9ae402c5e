"""Vendor task events: keep the task picture, tell the vendor (assigned, changed, cancelled) or staff.

An escalation also tells the booking's organizer that the venue team arranges the service now; a
decline does not (the task is being reassigned, nothing for the organizer to worry about yet).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

import msgspec

from services.notify.adapters import bookings, recipients
from services.notify.domain.projection import ACTIVE_BOOKING, BookingView, TaskView, task_state_after
from services.notify.domain.task_text import (
    FOR_ORGANIZER,
    FOR_STAFF,
    organizer_variables,
    task_notice,
    task_variables,
)
from services.notify.handlers.reminders import follow_task
from services.notify.handlers.telling import Notifier, Telling, tell
from shared.contracts import VendorTaskAssigned, VendorTaskChanged
from shared.contracts.tasks import VendorTaskMessage
from shared.db.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


def _view(message: VendorTaskMessage, state: str) -> TaskView:
    if isinstance(message, VendorTaskAssigned | VendorTaskChanged):
        return TaskView(
            task_id=message.task_id,
            vendor_id=message.vendor_id,
            kind=message.kind,
            booking_id=message.booking_id,
            state=state,
            space_id=message.space_id,
            starts_at=message.starts_at,
            ends_at=message.ends_at,
            load_in_at=message.load_in_at,
            load_out_at=message.load_out_at,
            summary=message.summary,
        )
    return TaskView(
        task_id=message.task_id,
        vendor_id=message.vendor_id,
        kind=message.kind,
        booking_id=message.booking_id,
        state=state,
    )


async def on_task_event(
    message: VendorTaskMessage,
    unit: UnitOfWork,
    notifier: Notifier,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> bool:
    """Project the task event, keep the vendor's reminders in step, tell the vendor or staff (and for an
    escalation the organizer) once."""
    connection = unit.connection
    state, notice = task_state_after(message), task_notice(message)
    fields = {
        "booking_id": str(message.booking_id),
        "message_id": str(message.message_id),
        "task_id": message.task_id,
        "vendor_id": message.vendor_id,
    }
    if state is None or notice is None:
        return False
    await bookings.lock_booking(connection, message.booking_id)
    known = await bookings.task(connection, message.task_id, message.vendor_id)
    if known is not None and known[1] > message.occurred_at:
        log.info("superseded task event: nobody told", extra={"fields": fields})
        return False
    before = known[0] if known else None
    await bookings.save_task(connection, _view(message, state), message.occurred_at)
    found = await bookings.booking(connection, message.booking_id)
    booking = found[0] if found else None
    await follow_task(connection, notifier, _view(message, state), booking, clock())
    vendor = await recipients.contact(connection, f"vendor:{message.vendor_id}")
    audience = await recipients.staff(connection) if notice in FOR_STAFF else [vendor] if vendor else []
    told = 0
    if notice in FOR_ORGANIZER:
        told += await _tell_organizer(unit, notifier, message, booking, FOR_ORGANIZER[notice])
    if not audience:
        log.warning("task of a vendor not in recipients.json: nobody told", extra={"fields": fields})
        return told > 0
    vendor_name = vendor.name if vendor else message.vendor_id
    data = msgspec.to_builtins(message) | {"event": notice}
    telling = Telling(
        message_id=message.message_id,
        notice=notice,
        booking_id=message.booking_id,
        data=data,
        variables=lambda reader, contact: task_variables(
            message, before, booking, reader, contact.name, vendor_name
        ),
    )
    return await tell(connection, notifier, telling, audience) + told > 0


async def _tell_organizer(
    unit: UnitOfWork, notifier: Notifier, message: VendorTaskMessage, booking: BookingView | None, notice: str
) -> int:
    """Tell the booking's organizer, in their language and zone, that the venue team takes the service over."""
    fields = {"booking_id": str(message.booking_id), "message_id": str(message.message_id), "notice": notice}
    if booking is None or booking.status not in ACTIVE_BOOKING:
        log.warning("escalation of a booking not known as live: organizer not told", extra={"fields": fields})
        return 0
    organizer = await recipients.contact(unit.connection, booking.organizer_key)
    if organizer is None:
        log.warning("organizer of the booking unknown: not told", extra={"fields": fields})
        return 0
    # the service kind only: which vendor failed, and why, stays with staff
    data = {"event": notice, "booking_id": str(message.booking_id), "service": message.kind}
    telling = Telling(
        message_id=message.message_id,
        notice=notice,
        booking_id=message.booking_id,
        data=data,
        variables=lambda reader, contact: organizer_variables(message, booking, reader, contact.name),
    )
    return await tell(unit.connection, notifier, telling, [organizer])
