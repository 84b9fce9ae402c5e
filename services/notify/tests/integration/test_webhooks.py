"""Signed webhooks: retried with backoff until the receiver takes them, disabled after repeated failure."""

import uuid
from datetime import timedelta

import pytest
from opentelemetry import trace

from deploy.embedded.stack import Stack
from services.notify.adapters.mailer import SmtpMailer
from services.notify.adapters.webhook_sender import WebhookSender
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.dispatch import dispatch_once
from services.notify.handlers.telling import Notifier
from services.notify.handlers.webhooks import disabled_notice, register_webhook
from shared.db.unit_of_work import Database

from .conftest import SENDER, Clock, confirmed, mail_to
from .receiver import Receiver

pytestmark = pytest.mark.integration

TRACER = trace.get_tracer("notify-tests")
POLICY = RetryPolicy(max_attempts=6, base_seconds=60, max_seconds=3600, jitter=True)


async def register(database: Database, key: str, url: str) -> dict:
    async with database.transaction() as unit:
        row = await register_webhook(unit.connection, key, url)
    assert row is not None
    return dict(row)


async def handle(database: Database, notifier: Notifier, event) -> None:
    async with database.transaction() as unit:
        await on_booking_event(event, unit, notifier)


async def webhook_deliveries(database: Database, endpoint_id: uuid.UUID) -> list[dict]:
    async with database.pool.acquire() as connection:
        rows = await connection.fetch(
            "SELECT d.*, (SELECT array_agg(a.outcome ORDER BY a.attempt) FROM delivery_attempts a"
            " WHERE a.delivery_id = d.id) AS outcomes FROM deliveries d WHERE endpoint_id = $1 ORDER BY created_at",
            endpoint_id,
        )
    return [dict(row) for row in rows]


async def test_a_failing_receiver_sees_signed_retries_until_it_takes_the_message(database, notifier) -> None:
    event = confirmed()
    sender = WebhookSender(disable_after=10, on_disabled=disabled_notice(notifier), timeout=5)
    clock = Clock()
    with Receiver(fail_first=2).running() as receiver:
        endpoint = await register(database, f"organizer:{event.organizer.email}", receiver.url)
        receiver.secret = endpoint["secret"]
        await handle(database, notifier, event)

        attempted = []
        for _ in range(4):
            attempted.append(await dispatch_once(database, sender, POLICY, TRACER, clock=clock))
            clock.advance(seconds=POLICY.max_seconds)  # past any jittered wait

    assert attempted == [1, 1, 1, 0]
    assert [(r.answered, r.verified) for r in receiver.received] == [(500, True), (500, True), (204, True)]
    [delivery] = await webhook_deliveries(database, endpoint["id"])
    assert {r.delivery_id for r in receiver.received} == {str(delivery["id"])}  # the same delivery each time
    assert (delivery["state"], delivery["attempts"], delivery["outcomes"]) == (
        "sent",
        3,
        ["failed", "failed", "sent"],
    )
    body = receiver.received[-1].body
    assert (body["event"], body["booking_id"], body["locale"]) == (
        "booking_confirmed",
        str(event.booking_id),
        "en",
    )
    assert body["data"]["title"] == "Destination Malaysia roadshow"
    async with database.pool.acquire() as connection:
        failures = await connection.fetchval(
            "SELECT consecutive_failures FROM webhook_endpoints WHERE id = $1", endpoint["id"]
        )
    assert failures == 0  # the success reset the count


async def test_the_jittered_wait_is_bounded_by_the_doubling_backoff_and_respected(database, notifier) -> None:
    event = confirmed()
    sender = WebhookSender(disable_after=10, on_disabled=disabled_notice(notifier), timeout=5)
    clock = Clock()
    waits, early = [], []
    with Receiver(always_fail=True).running() as receiver:
        endpoint = await register(database, f"organizer:{event.organizer.email}", receiver.url)
        receiver.secret = endpoint["secret"]
        await handle(database, notifier, event)
        await dispatch_once(database, sender, POLICY, TRACER, clock=clock)
        for _ in range(3):
            [delivery] = await webhook_deliveries(database, endpoint["id"])
            waits.append((delivery["next_attempt_at"] - clock.now).total_seconds())
            clock.now = delivery["next_attempt_at"] - timedelta(microseconds=1)
            early.append(await dispatch_once(database, sender, POLICY, TRACER, clock=clock))
            clock.now = delivery["next_attempt_at"]
            await dispatch_once(database, sender, POLICY, TRACER, clock=clock)

    assert [0 <= wait <= bound for wait, bound in zip(waits, (60, 120, 240), strict=True)] == [True] * 3
    assert early == [0, 0, 0] or min(waits) < 1e-6  # never before it is due
    assert len(receiver.received) == 4


async def test_an_endpoint_failing_again_and_again_is_disabled_and_its_owner_told_by_email(
    database, notifier, infra: Stack
) -> None:
    events = [confirmed(), confirmed()]
    owner = events[0].organizer.email
    events[1] = confirmed(email=owner)
    sender = WebhookSender(disable_after=3, on_disabled=disabled_notice(notifier), timeout=5)
    clock = Clock()
    with Receiver(always_fail=True).running() as receiver:
        endpoint = await register(database, f"organizer:{owner}", receiver.url)
        receiver.secret = endpoint["secret"]
        for event in events:
            await handle(database, notifier, event)
        await dispatch_once(database, sender, POLICY, TRACER, clock=clock)  # both fail: 2 in a row
        clock.advance(seconds=POLICY.max_seconds)
        await dispatch_once(database, sender, POLICY, TRACER, clock=clock)  # the third failure disables it
        clock.advance(seconds=POLICY.max_seconds)
        assert await dispatch_once(database, sender, POLICY, TRACER, clock=clock) == 0

    assert len(receiver.received) == 4  # the second batch's other request was already on its way
    async with database.pool.acquire() as connection:
        state = await connection.fetchrow("SELECT * FROM webhook_endpoints WHERE id = $1", endpoint["id"])
        notice = await connection.fetchrow(
            "SELECT * FROM notifications WHERE event = 'webhook_disabled' AND recipient_key = $1",
            f"organizer:{owner}",
        )
    assert (state["state"], state["consecutive_failures"]) == ("disabled", 3)
    assert {d["state"] for d in await webhook_deliveries(database, endpoint["id"])} == {"failed"}
    assert notice is not None and receiver.url in notice["body"]

    while await dispatch_once(
        database, SmtpMailer("127.0.0.1", infra.config.smtp_port, SENDER), RetryPolicy(), TRACER
    ):
        pass
    subjects = [message["Subject"] for message in mail_to(infra, owner)]
    assert "Your webhook endpoint has been disabled" in subjects


async def test_deliveries_claimed_for_an_endpoint_disabled_meanwhile_are_given_up_unsent(
    database, notifier
) -> None:
    event = confirmed()
    sender = WebhookSender(disable_after=3, on_disabled=disabled_notice(notifier), timeout=5)
    with Receiver().running() as receiver:
        endpoint = await register(database, f"organizer:{event.organizer.email}", receiver.url)
        await handle(database, notifier, event)
        async with database.pool.acquire() as connection:
            await connection.execute(
                "UPDATE webhook_endpoints SET state = 'disabled', disabled_at = now() WHERE id = $1",
                endpoint["id"],
            )
        assert await dispatch_once(database, sender, POLICY, TRACER, clock=Clock()) == 1

    assert receiver.received == []
    [delivery] = await webhook_deliveries(database, endpoint["id"])
    assert (delivery["state"], delivery["attempts"], delivery["last_error"]) == (
        "failed",
        0,
        "endpoint disabled",
    )
