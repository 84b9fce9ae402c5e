"""Every venue event reaches whom it concerns once, in their language, on their channels."""

import uuid
from datetime import UTC, datetime, timedelta

import msgspec
import pytest
from opentelemetry import trace

from deploy.embedded.stack import Stack
from services.notify.adapters.mailer import SmtpMailer
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.dispatch import dispatch_once
from services.notify.handlers.telling import Notifier
from shared.contracts import (
    ApprovalNeeded,
    BookingCancelled,
    BookingChanged,
    BookingReceived,
    HoldExpiring,
    WaitlistPromoted,
)
from shared.db.unit_of_work import Database

from .conftest import SENDER, confirmed, mail_to

pytestmark = pytest.mark.integration

TRACER = trace.get_tracer("notify-tests")


async def handle(database: Database, notifier: Notifier, event) -> bool:
    async with database.transaction() as unit:
        return await on_booking_event(event, unit, notifier)


async def told(database: Database, message_id: uuid.UUID) -> list[tuple[str, str, str]]:
    async with database.pool.acquire() as connection:
        rows = await connection.fetch(
            "SELECT recipient_key, channel, state FROM deliveries WHERE message_id = $1"
            " ORDER BY recipient_key, channel",
            message_id,
        )
    return [tuple(row) for row in rows]


def later(event, cls, **fields):
    """Another event about the same booking, a little later."""
    common = {
        name: getattr(event, name)
        for name in ("booking_id", "title", "space_id", "space_name", "starts_at", "ends_at", "organizer")
    }
    return cls(**(common | {"occurred_at": event.occurred_at + timedelta(seconds=1)} | fields))


@pytest.mark.parametrize(
    ("cls", "fields", "notice"),
    [
        (BookingReceived, {"services": ["catering"]}, "booking_received"),
        (BookingChanged, {"changes": ["attendees"]}, "booking_changed"),
        (BookingCancelled, {"reason": "organizer asked", "fee_minor": 50_000}, "booking_cancelled"),
        (HoldExpiring, {"expires_at": datetime(2027, 3, 1, tzinfo=UTC)}, "hold_expiring"),
        (WaitlistPromoted, {}, "waitlist_promoted"),
    ],
)
async def test_each_booking_event_tells_the_organizer(database, notifier, cls, fields, notice) -> None:
    first = confirmed()
    event = later(first, cls, **fields)

    assert await handle(database, notifier, event)

    key = f"organizer:{first.organizer.email}"
    assert await told(database, event.message_id) == [(key, "email", "pending"), (key, "in_app", "sent")]
    async with database.pool.acquire() as connection:
        row = await connection.fetchrow(
            "SELECT event, data FROM notifications WHERE message_id = $1", event.message_id
        )
    assert row["event"] == notice
    assert row["data"]["event"] == notice and row["data"]["booking_id"] == str(event.booking_id)


async def test_approval_requests_go_to_every_staff_member_in_their_language(database, notifier) -> None:
    event = later(confirmed(), ApprovalNeeded, decide_by=datetime(2027, 3, 1, 2, tzinfo=UTC))

    assert await handle(database, notifier, event)

    assert await told(database, event.message_id) == [
        ("staff:duty-desk", "email", "pending"),
        ("staff:duty-desk", "in_app", "sent"),
        ("staff:duty-desk", "sms", "pending"),
        ("staff:venue-manager", "email", "pending"),
        ("staff:venue-manager", "in_app", "sent"),
    ]
    async with database.pool.acquire() as connection:
        subjects = dict(
            await connection.fetch(
                "SELECT recipient_key, subject FROM notifications WHERE message_id = $1", event.message_id
            )
        )
    assert subjects == {
        "staff:duty-desk": "待审批：多功能厅的预订「Destination Malaysia roadshow」",
        "staff:venue-manager": "Approval needed: Destination Malaysia roadshow in Multifunctional Hall",
    }


async def test_an_older_event_arriving_late_tells_nobody(database, notifier) -> None:
    event = confirmed()
    cancelled = later(event, BookingCancelled, reason="organizer asked")
    received = BookingReceived(
        **{
            name: getattr(event, name)
            for name in ("booking_id", "title", "space_id", "space_name", "starts_at", "ends_at", "organizer")
        },
        occurred_at=event.occurred_at - timedelta(seconds=5),
    )

    assert await handle(database, notifier, event)
    assert await handle(database, notifier, cancelled)
    assert not await handle(database, notifier, received)

    assert await told(database, received.message_id) == []
    async with database.pool.acquire() as connection:
        status = await connection.fetchval(
            "SELECT status FROM bookings WHERE booking_id = $1", event.booking_id
        )
    assert status == "cancelled"


async def test_received_handled_after_approval_needed_of_the_same_transaction_still_tells_the_organizer(
    database, notifier
) -> None:
    first = confirmed()
    received = later(first, BookingReceived, services=[])
    approval = later(received, ApprovalNeeded, decide_by=datetime(2027, 3, 1, 2, tzinfo=UTC))

    assert await handle(database, notifier, approval)  # the consumers raced: the newer event came first
    assert await handle(database, notifier, received)

    key = f"organizer:{first.organizer.email}"
    assert await told(database, received.message_id) == [(key, "email", "pending"), (key, "in_app", "sent")]
    async with database.pool.acquire() as connection:
        seen = await connection.fetchval(
            "SELECT last_event_at FROM bookings WHERE booking_id = $1", first.booking_id
        )
    assert seen == approval.occurred_at  # the newer picture stays


async def test_the_confirmation_email_carries_the_booking_as_a_calendar_file(
    database, notifier, infra: Stack
) -> None:
    event = confirmed()
    await handle(database, notifier, event)
    mailer = SmtpMailer("127.0.0.1", infra.config.smtp_port, SENDER)

    while await dispatch_once(database, mailer, RetryPolicy(), TRACER):
        pass

    [message] = mail_to(infra, event.organizer.email)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename() == "booking.ics"
    assert attachment.get_param("method") == "PUBLISH"
    ics = attachment.get_payload(decode=True).decode()
    assert f"UID:{event.booking_id}@wict\r\n" in ics
    assert "DTSTART:20270302T060000Z\r\nDTEND:20270302T100000Z\r\n" in ics
    assert "SUMMARY:Destination Malaysia roadshow\r\n" in ics
    assert message.get_body(("plain",)) is not None and message.get_body(("html",)) is not None


async def test_a_changed_contact_is_used_for_the_next_messages(database, notifier) -> None:
    event = confirmed(locale="en")
    moved = later(
        event,
        BookingChanged,
        changes=["time"],
        organizer=msgspec.structs.replace(event.organizer, locale="zh-CN"),
    )

    await handle(database, notifier, event)
    await handle(database, notifier, moved)

    async with database.pool.acquire() as connection:
        locales = await connection.fetch(
            "SELECT locale FROM notifications WHERE booking_id = $1 ORDER BY created_at", event.booking_id
        )
        stored = await connection.fetchval(
            "SELECT locale FROM recipients WHERE key = $1", f"organizer:{event.organizer.email}"
        )
    assert [row["locale"] for row in locales] == ["en", "zh-CN"]
    assert stored == "zh-CN"
