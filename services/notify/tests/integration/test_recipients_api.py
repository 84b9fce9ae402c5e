"""A recipient's webhooks and preferences over HTTP, and what ops can query."""

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from opentelemetry import trace

from deploy.embedded.stack import Stack
from services.notify.adapters.mailer import SmtpMailer
from services.notify.adapters.sms import DevSmsProvider, SmsSender
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.dispatch import dispatch_once
from services.notify.handlers.tasks import on_task_event
from shared.contracts import VendorTaskCancelled
from shared.db.unit_of_work import Database

from .api import api_client
from .conftest import SENDER, assigned, confirmed

pytestmark = pytest.mark.integration

TRACER = trace.get_tracer("notify-tests")
YANGTZE = "vendor:agency-yangtze"


@pytest.fixture
async def client(database, notifier) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(database, notifier) as client:
        yield client


async def handle(database: Database, notifier, message) -> None:
    async with database.transaction() as unit:
        handler = on_task_event if hasattr(message, "task_id") else on_booking_event
        await handler(message, unit, notifier)


async def channel_states(database: Database, message_id: uuid.UUID) -> dict[str, str]:
    async with database.pool.acquire() as connection:
        rows = await connection.fetch(
            "SELECT channel, state FROM deliveries WHERE message_id = $1", message_id
        )
    return dict(rows)  # type: ignore[arg-type]


async def test_a_webhook_is_registered_with_its_secret_shown_once(client) -> None:
    url = "https://crm.example.org/wict?token=abc"

    created = await client.post("/recipients/organizer:Ann@Example.org/webhooks", json={"url": url})
    again = await client.post("/recipients/organizer:ann@example.org/webhooks", json={"url": url})
    listed = await client.get("/recipients/organizer:ann@example.org/webhooks")

    assert created.status_code == 201
    body = created.json()
    assert body["secret"].startswith("whsec_") and body["url"] == url and body["state"] == "active"
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "url"
    assert [hook["id"] for hook in listed.json()] == [body["id"]]
    assert "secret" not in listed.json()[0]

    removed = await client.delete(f"/recipients/organizer:ann@example.org/webhooks/{body['id']}")
    assert removed.status_code == 204
    assert (await client.get("/recipients/organizer:ann@example.org/webhooks")).json() == []
    missing = await client.delete(f"/recipients/organizer:ann@example.org/webhooks/{body['id']}")
    assert missing.status_code == 404


@pytest.mark.parametrize(
    ("path", "body", "status", "field"),
    [
        ("/recipients/organizer:nobody/webhooks", {"url": "https://a.example"}, 400, "recipient_key"),
        ("/recipients/vendor:agency-unknown/webhooks", {"url": "https://a.example"}, 404, "recipient_key"),
        ("/recipients/vendor:agency-yangtze/webhooks", {"url": "ftp://a.example"}, 422, "url"),
        ("/recipients/vendor:agency-yangtze/webhooks", {"url": "https://u:p@a.example"}, 422, "url"),
    ],
)
async def test_a_bad_registration_is_refused_naming_the_field(client, path, body, status, field) -> None:
    response = await client.post(path, json=body)

    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["errors"][0]["field"] == field


async def test_opting_out_skips_non_essential_messages_but_never_essential_ones(
    database, notifier, client
) -> None:
    before = await client.get(f"/recipients/{YANGTZE}/preferences")
    changed = await client.put(f"/recipients/{YANGTZE}/preferences/sms", json={"non_essential": False})
    task = assigned(uuid.uuid4())
    cancelled = VendorTaskCancelled(
        booking_id=task.booking_id,
        task_id=task.task_id,
        kind=task.kind,
        vendor_id=task.vendor_id,
        occurred_at=task.occurred_at + timedelta(seconds=1),
    )

    await handle(database, notifier, task)
    await handle(database, notifier, cancelled)

    assert {c["channel"]: c["non_essential"] for c in before.json()["channels"]} == {
        "email": True,
        "sms": True,
        "webhook": True,
    }
    assert changed.status_code == 200
    assert {c["channel"]: c["non_essential"] for c in changed.json()["channels"]}["sms"] is False
    assert await channel_states(database, task.message_id) == {
        "in_app": "sent",
        "email": "pending",
        "sms": "skipped",
    }
    assert await channel_states(database, cancelled.message_id) == {
        "in_app": "sent",
        "email": "pending",
        "sms": "pending",
    }


@pytest.mark.parametrize(
    ("path", "status", "field"),
    [
        ("/recipients/vendor:agency-yangtze/preferences/in_app", 422, "channel"),
        ("/recipients/vendor:agency-yangtze/preferences/fax", 404, "channel"),
        ("/recipients/staff:nobody/preferences/email", 404, "recipient_key"),
    ],
)
async def test_a_bad_preference_is_refused_naming_the_field(client, path, status, field) -> None:
    response = await client.put(path, json={"non_essential": False})

    assert response.status_code == status
    assert response.json()["errors"][0]["field"] == field


async def test_ops_see_every_attempt_of_a_booking_and_what_the_sms_provider_recorded(
    database, notifier, client, infra: Stack
) -> None:
    booking = confirmed()
    task = assigned(booking.booking_id)
    await handle(database, notifier, booking)
    await handle(database, notifier, task)
    await dispatch_once(
        database, SmtpMailer("127.0.0.1", infra.config.smtp_port, SENDER), RetryPolicy(), TRACER
    )
    await dispatch_once(database, SmsSender(DevSmsProvider(database.pool)), RetryPolicy(), TRACER)

    everything = (await client.get("/ops/deliveries", params={"booking_id": str(booking.booking_id)})).json()
    emails = (
        await client.get(
            "/ops/deliveries",
            params={"booking_id": str(booking.booking_id), "channel": "email", "state": "sent"},
        )
    ).json()
    vendor = (await client.get("/ops/deliveries", params={"recipient": YANGTZE, "channel": "sms"})).json()
    sms = (await client.get("/ops/dev-sms", params={"phone": "+8613800000101"})).json()
    refused = await client.get("/ops/deliveries", params={"state": "lost"})

    assert sorted((d["recipient"], d["channel"]) for d in everything) == sorted(
        [
            (f"organizer:{booking.organizer.email}", "email"),
            (f"organizer:{booking.organizer.email}", "in_app"),
            (YANGTZE, "email"),
            (YANGTZE, "in_app"),
            (YANGTZE, "sms"),
        ]
    )
    assert len(emails) == 2
    assert all(len(d["attempt_log"]) == 1 and d["attempt_log"][0]["outcome"] == "sent" for d in emails)
    [sent_sms] = vendor
    assert sent_sms["state"] == "sent" and sent_sms["message_id"] == str(task.message_id)
    assert sms[0]["idempotency_key"] == sent_sms["id"] and sms[0]["body"].startswith("WICT：新同声传译任务")
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "state"


async def test_an_sms_sent_twice_by_a_crashed_batch_is_recorded_once(database, notifier) -> None:
    provider = DevSmsProvider(database.pool)
    key = uuid.uuid4()

    await provider.record("+8613800000101", "hello", key)
    await provider.record("+8613800000101", "hello", key)

    async with database.pool.acquire() as connection:
        assert (
            await connection.fetchval("SELECT count(*) FROM dev_sms_messages WHERE idempotency_key = $1", key)
            == 1
        )
