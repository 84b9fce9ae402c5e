"""What a vendor task event tells its reader (the vendor, staff, or the organizer): the template variables."""

from __future__ import annotations

from services.notify.domain.projection import BookingView, TaskView
from services.notify.domain.wording import Reader
from shared.contracts import (
    VendorTaskAssigned,
    VendorTaskCancelled,
    VendorTaskChanged,
    VendorTaskDeclined,
    VendorTaskEscalated,
)
from shared.contracts.tasks import VendorTaskMessage

_TOLD = {
    VendorTaskAssigned: "vendor_task_assigned",
    VendorTaskChanged: "vendor_task_changed",
    VendorTaskCancelled: "vendor_task_cancelled",
    VendorTaskDeclined: "vendor_task_declined",
    VendorTaskEscalated: "vendor_task_escalated",
}
FOR_STAFF = frozenset({"vendor_task_declined", "vendor_task_escalated"})
# an escalation also reaches the booking's organizer, told only which service the venue team now arranges
FOR_ORGANIZER = {"vendor_task_escalated": "service_escalated"}


def task_notice(message: VendorTaskMessage) -> str | None:
    """The notice a task event causes; None for the vendor's own accept / done."""
    return next((notice for kind, notice in _TOLD.items() if isinstance(message, kind)), None)


def _common(message: VendorTaskMessage, reader: Reader, recipient_name: str) -> dict[str, str]:
    return {
        "recipient_name": recipient_name,
        "service": reader.services([message.kind]),
        "task_id": message.task_id,
        "booking_id": str(message.booking_id),
        "venue_name": reader.style.venue_name,
    }


def work_variables(
    task: TaskView, reader: Reader, recipient_name: str, told_space: str = ""
) -> dict[str, str]:
    """Where and when the vendor works: for an assigned or changed task, and for its reminders."""
    return {
        "recipient_name": recipient_name,
        "service": reader.services([task.kind]),
        "task_id": task.task_id,
        "booking_id": str(task.booking_id),
        "venue_name": reader.style.venue_name,
        "space_name": reader.space(task.space_id or "", told_space),
        "when": reader.window(task.starts_at, task.ends_at),
        "load_in": reader.moment(task.load_in_at),
        "summary": task.summary,
    }


def _booking_when(task: TaskView | None, booking: BookingView | None, reader: Reader) -> str:
    if booking is not None:
        return reader.window(booking.starts_at, booking.ends_at)
    return reader.window(task.starts_at, task.ends_at) if task else reader.style.none


def task_variables(
    message: VendorTaskMessage,
    task: TaskView | None,
    booking: BookingView | None,
    reader: Reader,
    recipient_name: str,
    vendor_name: str = "",
) -> dict[str, str]:
    """Everything the task event's template may show; ``task`` is what we knew of it before."""
    if isinstance(message, VendorTaskAssigned | VendorTaskChanged):
        told_space = booking.space_name if booking and booking.space_id == message.space_id else ""
        now = TaskView(
            task_id=message.task_id,
            vendor_id=message.vendor_id,
            kind=message.kind,
            booking_id=message.booking_id,
            state="active",
            space_id=message.space_id,
            starts_at=message.starts_at,
            ends_at=message.ends_at,
            load_in_at=message.load_in_at,
            load_out_at=message.load_out_at,
            summary=message.summary,
        )
        found = work_variables(now, reader, recipient_name, told_space)
        if isinstance(message, VendorTaskChanged):
            found["changes"] = reader.changes(message.changes)
        return found
    found = _common(message, reader, recipient_name)
    if isinstance(message, VendorTaskCancelled):
        when = reader.window(task.starts_at, task.ends_at) if task else reader.style.none
        return found | {"when": when, "reason": reader.or_none(message.reason)}
    assert isinstance(message, VendorTaskDeclined | VendorTaskEscalated)
    title = getattr(message, "title", "") or (booking.title if booking else "")
    when = _booking_when(task, booking, reader)
    if when == reader.style.none and isinstance(message, VendorTaskEscalated):
        when = reader.moment(message.starts_at)
    return found | {
        "vendor_name": vendor_name or message.vendor_id,
        "title": reader.or_none(title),
        "when": when,
        "reason": reader.or_none(message.reason),
    }


def organizer_variables(
    message: VendorTaskMessage, booking: BookingView, reader: Reader, organizer_name: str
) -> dict[str, str]:
    """The organizer's side of an escalation: their booking and the service kind, no vendor internals."""
    return {
        "organizer_name": organizer_name,
        "title": booking.title,
        "space_name": reader.space(booking.space_id, booking.space_name),
        "when": reader.window(booking.starts_at, booking.ends_at),
        "booking_id": str(booking.booking_id),
        "venue_name": reader.style.venue_name,
        "service": reader.services([message.kind]),
    }
