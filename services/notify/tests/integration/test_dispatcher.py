import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from opentelemetry import trace

from deploy.embedded.ports import free_port
from deploy.embedded.stack import Stack
from services.notify.adapters.mailer import SmtpMailer
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.dispatch import dispatch_once
from services.notify.handlers.telling import Notifier
from shared.db.unit_of_work import Database

from .conftest import confirmed, mail_to, rejected

pytestmark = pytest.mark.integration

TRACER = trace.get_tracer("notify-tests")
SENDER = "WICT Venue <bookings@wict.example>"


class Clock:
    """A clock the test moves, so backoff is exercised without waiting for it."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(seconds=1)

    def __call__(self) -> datetime:
        return self.now


async def record(database: Database, notifier: Notifier, event) -> None:
    async with database.transaction() as unit:
        await on_booking_event(event, unit, notifier)


async def email_delivery(database: Database, message_id) -> dict:
    async with database.pool.acquire() as connection:
        row = await connection.fetchrow(
            "SELECT * FROM deliveries WHERE message_id = $1 AND channel = 'email'", message_id
        )
    return dict(row)


async def test_sends_the_pending_email_and_marks_it_sent(
    database: Database, notifier: Notifier, infra: Stack
) -> None:
    event = rejected()
    await record(database, notifier, event)
    clock = Clock()

    attempted = await dispatch_once(
        database, SmtpMailer("127.0.0.1", infra.config.smtp_port, SENDER), RetryPolicy(), TRACER, clock=clock
    )

    assert attempted == 1
    delivery = await email_delivery(database, event.message_id)
    assert (delivery["state"], delivery["attempts"], delivery["sent_at"]) == ("sent", 1, clock.now)
    [message] = mail_to(infra, event.organizer.email)
    assert message["Subject"] == "预订未能完成：Trade salon"
    assert message["From"] == SENDER
    assert message["X-WICT-Booking-Id"] == str(event.booking_id)
    assert message["Message-ID"] == f"<{delivery['id']}@wict.example>"
    plain = message.get_body(("plain",))
    assert plain is not None
    text = plain.get_content()
    assert "原因：staff did not approve the VIP Hall for that day" in text
    assert "2027年3月28日 14:00–18:00（Asia/Shanghai）" in text


async def test_an_unreachable_server_is_retried_with_backoff_then_given_up(
    database: Database, notifier: Notifier, infra: Stack
) -> None:
    event = confirmed()
    await record(database, notifier, event)
    closed = SmtpMailer("127.0.0.1", free_port(), SENDER, timeout=2)  # claimed, never listened on
    policy = RetryPolicy(max_attempts=3, base_seconds=60, max_seconds=3600)
    clock = Clock()
    start = clock.now

    history = []
    for minutes_later in (0, 0.5, 1, 2, 3, 60):
        clock.now = start + timedelta(minutes=minutes_later)
        attempted = await dispatch_once(database, closed, policy, TRACER, clock=clock)
        delivery = await email_delivery(database, event.message_id)
        history.append((minutes_later, attempted, delivery["state"], delivery["attempts"]))

    assert history == [
        (0, 1, "pending", 1),  # failed; next try a minute later
        (0.5, 0, "pending", 1),  # not due yet
        (1, 1, "pending", 2),  # failed again; next try two minutes later
        (2, 0, "pending", 2),
        (3, 1, "failed", 3),  # the last attempt: given up
        (60, 0, "failed", 3),
    ]
    assert delivery["last_error"].startswith("SMTPConnectError")
    assert delivery["sent_at"] is None
    assert mail_to(infra, event.organizer.email) == []


async def test_several_dispatchers_never_send_the_same_email_twice(
    database: Database, notifier: Notifier, infra: Stack
) -> None:
    events = [confirmed() for _ in range(24)]
    for event in events:
        await record(database, notifier, event)
    mailer = SmtpMailer("127.0.0.1", infra.config.smtp_port, SENDER)

    async def dispatcher() -> int:
        sent = 0
        while attempted := await dispatch_once(database, mailer, RetryPolicy(), TRACER, batch_size=4):
            sent += attempted
        return sent

    attempted = await asyncio.gather(*(dispatcher() for _ in range(4)))

    assert sum(attempted) == len(events)
    for event in events:
        assert len(mail_to(infra, event.organizer.email)) == 1
    async with database.pool.acquire() as connection:
        states = await connection.fetch("SELECT state, attempts FROM deliveries WHERE channel = 'email'")
    assert {tuple(row) for row in states} == {("sent", 1)}
