import asyncio

import msgspec
import pytest
from opentelemetry import trace

from deploy.embedded.stack import Stack
from services.notify.adapters.mailer import SmtpMailer
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.dispatch import dispatch_once
from services.notify.handlers.telling import Notifier
from shared.db.unit_of_work import Database

from .conftest import confirmed, mail_to, rejected

pytestmark = pytest.mark.integration


async def handle(event, database: Database, notifier: Notifier) -> bool:
    async with database.transaction() as unit:
        return await on_booking_event(event, unit, notifier)


async def test_an_outcome_becomes_a_feed_entry_and_a_pending_email(
    database: Database, notifier: Notifier
) -> None:
    event = rejected(locale="zh-Hans")

    assert await handle(event, database, notifier)

    async with database.pool.acquire() as connection:
        notification = await connection.fetchrow(
            "SELECT * FROM notifications WHERE booking_id = $1", event.booking_id
        )
        deliveries = await connection.fetch(
            "SELECT channel, state, attempts FROM deliveries WHERE message_id = $1 ORDER BY channel",
            event.message_id,
        )
    assert notification["locale"] == "zh-CN"
    assert notification["event"] == "booking_rejected"
    assert "原因：staff did not approve the VIP Hall for that day" in notification["body"]
    assert [tuple(row) for row in deliveries] == [("email", "pending", 0), ("in_app", "sent", 0)]


async def test_the_same_event_twice_is_recorded_once(database: Database, notifier: Notifier) -> None:
    event = confirmed()

    first = await handle(event, database, notifier)
    again = await handle(event, database, notifier)  # a redelivery the inbox did not catch

    assert (first, again) == (True, False)
    async with database.pool.acquire() as connection:
        counts = await connection.fetchrow(
            "SELECT (SELECT count(*) FROM notifications WHERE message_id = $1) AS notifications,"
            " (SELECT count(*) FROM deliveries WHERE message_id = $1) AS deliveries",
            event.message_id,
        )
    assert tuple(counts) == (1, 2)


async def test_concurrent_copies_of_an_event_record_it_once(database: Database, notifier: Notifier) -> None:
    event = confirmed()

    outcomes = await asyncio.gather(*(handle(event, database, notifier) for _ in range(12)))

    assert outcomes.count(True) == 1
    async with database.pool.acquire() as connection:
        count = await connection.fetchval(
            "SELECT count(*) FROM deliveries WHERE message_id = $1", event.message_id
        )
    assert count == 2


async def test_the_address_counts_case_insensitively(database: Database, notifier: Notifier) -> None:
    event = confirmed()
    shouting = msgspec.structs.replace(
        event, organizer=msgspec.structs.replace(event.organizer, email=event.organizer.email.upper())
    )

    assert await handle(event, database, notifier)
    assert not await handle(shouting, database, notifier)


async def test_handled_twice_sends_one_email(database: Database, notifier: Notifier, infra: Stack) -> None:
    event = confirmed()
    await handle(event, database, notifier)
    await handle(event, database, notifier)
    mailer = SmtpMailer("127.0.0.1", infra.config.smtp_port, "WICT Venue <bookings@wict.example>")

    attempted = [
        await dispatch_once(database, mailer, RetryPolicy(), trace.get_tracer("test")) for _ in range(3)
    ]

    assert attempted == [1, 0, 0]
    assert len(mail_to(infra, event.organizer.email)) == 1
