"""Reminders: kept in step with the booking and task events, fired when due (also after a restart)."""

from __future__ import annotations

import logging
from datetime import datetime

import asyncpg
from opentelemetry import trace

from services.notify.adapters import bookings, recipients, reminders
from services.notify.domain.outcome import reminder_variables
from services.notify.domain.projection import BookingView, TaskView
from services.notify.domain.reminders import reminders_for
from services.notify.domain.task_text import work_variables
from services.notify.handlers.telling import Notifier, Telling, tell_one
from shared.db.unit_of_work import Database
from shared.telemetry import resumed_span, saga_of

log = logging.getLogger(__name__)

_ENDED = ("cancelled", "rejected", "expired")


async def follow_booking(
    connection: asyncpg.Connection,
    notifier: Notifier,
    booking: BookingView,
    before: BookingView | None,
    now: datetime,
) -> None:
    """A confirmed booking has reminders for its organizer and vendors; a moved one gets new ones."""
    if booking.status in _ENDED:
        await reminders.cancel(connection, booking.booking_id, f"booking {booking.status}")
        return
    if booking.status != "confirmed":
        return
    if before is not None and before.starts_at != booking.starts_at:
        await reminders.cancel(
            connection, booking.booking_id, "booking moved", keep_starts_at=booking.starts_at
        )
    if before is not None and before.organizer_key != booking.organizer_key:
        await reminders.cancel(
            connection, booking.booking_id, "organizer changed", recipient_key=before.organizer_key
        )
    vendors = [
        f"vendor:{task.vendor_id}" for task in await bookings.active_tasks(connection, booking.booking_id)
    ]
    keys = dict.fromkeys([booking.organizer_key, *vendors])
    leads = notifier.reminder_leads
    await reminders.schedule(
        connection,
        [r for key in keys for r in reminders_for(booking.booking_id, key, booking.starts_at, leads, now)],
    )


async def follow_task(
    connection: asyncpg.Connection,
    notifier: Notifier,
    task: TaskView,
    booking: BookingView | None,
    now: datetime,
) -> None:
    """A vendor on a confirmed booking is reminded too, until its last task there is withdrawn."""
    key = f"vendor:{task.vendor_id}"
    if task.state == "active":
        if booking is not None and booking.status == "confirmed":
            found = reminders_for(booking.booking_id, key, booking.starts_at, notifier.reminder_leads, now)
            await reminders.schedule(connection, found)
        return
    if not await bookings.active_tasks(connection, task.booking_id, task.vendor_id):
        await reminders.cancel(connection, task.booking_id, f"task {task.state}", recipient_key=key)


async def _fire(
    connection: asyncpg.Connection, notifier: Notifier, row: asyncpg.Record, now: datetime
) -> str:
    known = await bookings.booking(connection, row["booking_id"])
    booking = known[0] if known else None
    if booking is None or booking.status != "confirmed" or booking.starts_at != row["starts_at"]:
        return "booking no longer confirmed at that time"
    contact = await recipients.contact(connection, row["recipient_key"])
    if contact is None:
        return "unknown recipient"
    if contact.kind == "vendor":
        tasks = await bookings.active_tasks(
            connection, booking.booking_id, contact.key.removeprefix("vendor:")
        )
        if not tasks:
            return "no active task"
        told_space = booking.space_name if booking.space_id == tasks[0].space_id else ""
        telling = Telling(
            row["id"],
            "vendor_reminder",
            booking.booking_id,
            lambda reader, c: (
                work_variables(tasks[0], reader, c.name, told_space) | {"lead": reader.lead(row["lead"])}
            ),
            {"reminder_id": str(row["id"]), "task_id": tasks[0].task_id, "starts_at": booking.starts_at},
        )
    else:
        telling = Telling(
            row["id"],
            "reminder",
            booking.booking_id,
            lambda reader, c: reminder_variables(booking, reader, c.name, row["lead"]),
            {"reminder_id": str(row["id"]), "starts_at": booking.starts_at},
        )
    await tell_one(connection, notifier, telling, contact)
    return ""


async def fire_due(
    database: Database, notifier: Notifier, tracer: trace.Tracer, now: datetime, batch_size: int = 32
) -> int:
    """Send every reminder due at ``now`` (one batch, one transaction); how many were settled."""
    async with database.transaction() as unit:
        rows = await reminders.claim_due(unit.connection, now, batch_size)
        for row in rows:
            attributes = {"booking.id": str(row["booking_id"]), "notify.reminder_id": str(row["id"])}
            # days after the booking's trace ended: a trace of its own, linked to the one that scheduled it
            tags = saga_of(row["trace_context"], row["booking_id"]).at("notify")
            with resumed_span(
                tracer, "reminder", row["trace_context"], tags, link=True, attributes=attributes
            ):
                skipped = await _fire(unit.connection, notifier, row, now)
                await reminders.settle(
                    unit.connection, row["id"], "cancelled" if skipped else "sent", now, skipped
                )
                fields = {
                    **attributes,
                    "lead_hours": row["lead"].total_seconds() / 3600,
                    "skipped": skipped or None,
                }
                log.info("reminder settled", extra={"fields": fields})
    return len(rows)
