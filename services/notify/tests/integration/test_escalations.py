"""An escalated vendor task reaches the duty desk and the booking's organizer; a decline reaches staff only.

Each is told once per channel in their own language, on the feed and by e-mail (sent to the SMTP sink).
"""

import uuid
from datetime import timedelta

import pytest
from opentelemetry import trace

from deploy.embedded.stack import Stack
from services.notify.adapters import repository
from services.notify.adapters.mailer import SmtpMailer
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.dispatch import dispatch_once
from services.notify.handlers.tasks import on_task_event
from services.notify.handlers.telling import Notifier
from shared.contracts import BookingCancelled, VendorTaskDeclined, VendorTaskEscalated
from shared.db.unit_of_work import Database

from .conftest import SENDER, assigned, confirmed, mail_to

pytestmark = pytest.mark.integration

TRACER = trace.get_tracer("notify-tests")


async def handle(database: Database, notifier: Notifier, message) -> bool:
    async with database.transaction() as unit:
        handler = on_task_event if hasattr(message, "task_id") else on_booking_event
        return await handler(message, unit, notifier)


async def deliveries(database: Database, message_id: uuid.UUID) -> list[tuple[str, str, str]]:
    async with database.pool.acquire() as connection:
        rows = await connection.fetch(
            "SELECT d.recipient_key, n.event, d.channel FROM deliveries d"
            " JOIN notifications n ON n.id = d.notification_id WHERE d.message_id = $1"
            " ORDER BY d.recipient_key, d.channel",
            message_id,
        )
    return [tuple(row) for row in rows]


def escalation(task, reason: str = "nobody accepted before the deadline") -> VendorTaskEscalated:
    return VendorTaskEscalated(
        booking_id=task.booking_id,
        task_id=task.task_id,
        kind=task.kind,
        vendor_id=task.vendor_id,
        reason=reason,
        occurred_at=task.occurred_at + timedelta(seconds=1),
    )


async def send_all_mail(database: Database, infra: Stack) -> None:
    mailer = SmtpMailer("127.0.0.1", infra.config.smtp_port, SENDER)
    while await dispatch_once(database, mailer, RetryPolicy(), TRACER):
        pass


async def test_an_escalation_reaches_staff_and_the_organizer_on_feed_and_email(
    database, notifier, infra: Stack
) -> None:
    booking = confirmed(locale="zh-CN")
    task = assigned(booking.booking_id, vendor_id="agency-silkroad")
    escalated = escalation(task)
    for message in (booking, task):
        await handle(database, notifier, message)

    assert await handle(database, notifier, escalated)

    organizer = f"organizer:{booking.organizer.email}"
    assert await deliveries(database, escalated.message_id) == [
        (organizer, "service_escalated", "email"),
        (organizer, "service_escalated", "in_app"),
        ("staff:duty-desk", "vendor_task_escalated", "email"),
        ("staff:duty-desk", "vendor_task_escalated", "in_app"),
        ("staff:duty-desk", "vendor_task_escalated", "sms"),
        ("staff:venue-manager", "vendor_task_escalated", "email"),
        ("staff:venue-manager", "vendor_task_escalated", "in_app"),
    ]
    async with database.pool.acquire() as connection:
        feed = await repository.feed(connection, booking.booking_id, None, 10, organizer)
    assert [entry["event"] for entry in feed] == ["service_escalated", "booking_confirmed"]
    assert feed[0]["locale"] == "zh-CN" and "场馆团队正在为您安排" in feed[0]["body"]

    await send_all_mail(database, infra)

    [mail] = [
        m
        for m in mail_to(infra, booking.organizer.email)
        if m["X-WICT-Booking-Id"] == str(booking.booking_id) and m["Subject"].startswith("我们正在为您安排")
    ]
    assert mail["Subject"] == "我们正在为您安排同声传译：Destination Malaysia roadshow"
    text = mail.get_body(("plain",)).get_content()
    assert "场馆团队正在为您安排，并将尽快与您联系" in text
    assert "2027年3月2日 07:00–11:00（Europe/Berlin） [14:00–18:00 Asia/Shanghai]" in text
    for internal in ("agency-silkroad", "刘洋", "nobody accepted", task.task_id):
        assert internal not in mail.as_string()
    desk = [
        m
        for m in mail_to(infra, "duty-desk@wict.example")
        if m["X-WICT-Booking-Id"] == str(booking.booking_id)
    ]
    assert [m["Subject"] for m in desk] == [
        "需立即处理：「Destination Malaysia roadshow」的同声传译无供应商承接"
    ]
    assert "nobody accepted before the deadline" in desk[0].get_body(("plain",)).get_content()


async def test_a_decline_reaches_staff_only(database, notifier) -> None:
    booking = confirmed()
    task = assigned(booking.booking_id)
    declined = VendorTaskDeclined(
        booking_id=task.booking_id,
        task_id=task.task_id,
        kind=task.kind,
        vendor_id=task.vendor_id,
        reason="no interpreter free",
    )
    for message in (booking, task):
        await handle(database, notifier, message)

    assert await handle(database, notifier, declined)

    told = {(key, event) for key, event, _ in await deliveries(database, declined.message_id)}
    assert told == {
        ("staff:duty-desk", "vendor_task_declined"),
        ("staff:venue-manager", "vendor_task_declined"),
    }


async def test_a_redelivered_escalation_tells_nobody_twice(database, notifier) -> None:
    booking = confirmed()
    task = assigned(booking.booking_id)
    escalated = escalation(task)
    for message in (booking, task):
        await handle(database, notifier, message)
    assert await handle(database, notifier, escalated)
    first = await deliveries(database, escalated.message_id)

    assert not await handle(database, notifier, escalated)

    assert await deliveries(database, escalated.message_id) == first
    assert len(first) == len(set(first)) == 7  # organizer: feed + e-mail; staff: 5 channels


async def test_the_organizer_of_a_cancelled_booking_is_not_told(database, notifier) -> None:
    booking = confirmed()
    task = assigned(booking.booking_id)
    cancelled = BookingCancelled(
        **{
            name: getattr(booking, name)
            for name in ("booking_id", "title", "space_id", "space_name", "starts_at", "ends_at", "organizer")
        },
        reason="organizer asked",
        occurred_at=booking.occurred_at,
    )
    for message in (task, cancelled):
        await handle(database, notifier, message)

    escalated = escalation(task)
    assert await handle(database, notifier, escalated)  # staff still hear of it

    keys = {key for key, _, _ in await deliveries(database, escalated.message_id)}
    assert not any(key.startswith("organizer:") for key in keys)
