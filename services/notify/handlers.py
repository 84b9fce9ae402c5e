"""Use cases of the notify service (see ``use_cases/``): what each event, reminder and broadcast causes."""

from __future__ import annotations

from services.notify.use_cases.bookings import on_booking_event
from services.notify.use_cases.broadcasts import broadcast_report, send_broadcast
from services.notify.use_cases.reminders import fire_due
from services.notify.use_cases.tasks import on_task_event
from services.notify.use_cases.telling import Notifier
from services.notify.use_cases.webhooks import disabled_notice, register_webhook

# the name the first version had: a booking outcome for its organizer
notify_organizer = on_booking_event

__all__ = [
    "Notifier",
    "broadcast_report",
    "disabled_notice",
    "fire_due",
    "notify_organizer",
    "on_booking_event",
    "on_task_event",
    "register_webhook",
    "send_broadcast",
]
