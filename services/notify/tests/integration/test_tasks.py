"""Vendor task events reach the vendor (assigned, changed, cancelled), staff (declined, escalated) and, for an
escalation, the booking's organizer."""

import uuid
from datetime import timedelta

import pytest

from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.tasks import on_task_event
from services.notify.handlers.telling import Notifier
from shared.contracts import VendorTaskAccepted, VendorTaskCancelled, VendorTaskDeclined, VendorTaskEscalated
from shared.db.unit_of_work import Database

from .conftest import assigned, confirmed

pytestmark = pytest.mark.integration


async def handle(database: Database, notifier: Notifier, message) -> bool:
    async with database.transaction() as unit:
        handler = on_task_event if hasattr(message, "task_id") else on_booking_event
        return await handler(message, unit, notifier)


async def notifications(database: Database, message_id: uuid.UUID) -> list:
    async with database.pool.acquire() as connection:
        return await connection.fetch(
            "SELECT n.recipient_key, n.event, n.locale, n.subject, n.body, n.sms,"
            " array_agg(d.channel ORDER BY d.channel) AS channels"
            " FROM notifications n JOIN deliveries d ON d.notification_id = n.id WHERE n.message_id = $1"
            " GROUP BY n.id ORDER BY n.recipient_key",
            message_id,
        )


async def test_an_assigned_task_reaches_the_vendor_on_email_sms_and_feed(database, notifier) -> None:
    booking = confirmed()
    task = assigned(booking.booking_id)
    await handle(database, notifier, booking)

    assert await handle(database, notifier, task)

    [told] = await notifications(database, task.message_id)
    assert told["recipient_key"] == "vendor:agency-yangtze"
    assert (told["event"], told["locale"]) == ("vendor_task_assigned", "zh-CN")
    assert told["channels"] == ["email", "in_app", "sms"]
    assert told["subject"] == "新任务：同声传译，多功能厅"
    assert "时间：2027年3月2日 14:00–18:00（Asia/Shanghai）" in told["body"]
    assert "进场：2027年3月2日 13:30（Asia/Shanghai）" in told["body"]
    assert told["sms"].startswith("WICT：新同声传译任务 interpreting-")


async def test_a_cancelled_task_names_the_window_it_had(database, notifier) -> None:
    task = assigned(uuid.uuid4(), vendor_id="caterer-cuntan-kitchen", kind="catering")
    cancelled = VendorTaskCancelled(
        booking_id=task.booking_id,
        task_id=task.task_id,
        kind=task.kind,
        vendor_id=task.vendor_id,
        reason="booking cancelled",
        occurred_at=task.occurred_at + timedelta(seconds=1),
    )
    await handle(database, notifier, task)

    assert await handle(database, notifier, cancelled)

    [told] = await notifications(database, cancelled.message_id)
    assert told["event"] == "vendor_task_cancelled"
    assert "时间：2027年3月2日 14:00–18:00（Asia/Shanghai）" in told["body"]
    assert "原因：booking cancelled" in told["body"]


async def test_declines_and_escalations_go_to_staff_with_the_booking_they_concern(database, notifier) -> None:
    booking = confirmed()
    task = assigned(booking.booking_id, vendor_id="agency-silkroad")
    common = {
        "booking_id": task.booking_id,
        "task_id": task.task_id,
        "kind": task.kind,
        "vendor_id": task.vendor_id,
    }
    declined = VendorTaskDeclined(**common, reason="no Malay interpreter free")
    escalated = VendorTaskEscalated(**common, reason="nobody accepted in time")
    for message in (booking, task, declined, escalated):
        await handle(database, notifier, message)

    organizer = f"organizer:{booking.organizer.email}"
    for message, notice, also in (
        (declined, "vendor_task_declined", []),
        (escalated, "vendor_task_escalated", [(organizer, "service_escalated")]),
    ):
        told = await notifications(database, message.message_id)
        assert [(row["recipient_key"], row["event"]) for row in told] == [
            *also,
            ("staff:duty-desk", notice),
            ("staff:venue-manager", notice),
        ]
        english = told[-1]
        assert "Destination Malaysia roadshow" in english["body"]
        assert "刘洋（丝路语言服务）" in english["body"]


async def test_a_vendors_own_answers_and_unknown_vendors_tell_nobody(database, notifier) -> None:
    task = assigned(uuid.uuid4(), vendor_id="agency-unknown")
    accepted = VendorTaskAccepted(
        booking_id=task.booking_id, task_id="t", kind="interpreting", vendor_id="agency-yangtze"
    )

    assert not await handle(database, notifier, task)
    assert not await handle(database, notifier, accepted)

    assert await notifications(database, task.message_id) == []
    assert await notifications(database, accepted.message_id) == []


async def test_a_redelivered_task_event_is_told_once(database, notifier) -> None:
    task = assigned(uuid.uuid4())

    assert await handle(database, notifier, task)
    assert not await handle(database, notifier, task)

    async with database.pool.acquire() as connection:
        count = await connection.fetchval(
            "SELECT count(*) FROM deliveries WHERE message_id = $1", task.message_id
        )
    assert count == 3
