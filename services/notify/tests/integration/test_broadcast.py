"""Urgent broadcast: every organizer and vendor with an event in the window, all channels, a report."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from opentelemetry import trace

from deploy.embedded.ports import free_port
from services.notify.adapters.mailer import SmtpMailer
from services.notify.adapters.sms import DevSmsProvider, SmsSender
from services.notify.adapters.webhook_sender import WebhookSender
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.dispatch import dispatch_once
from services.notify.handlers.tasks import on_task_event
from services.notify.handlers.webhooks import disabled_notice, register_webhook
from shared.contracts import BookingCancelled
from shared.db.unit_of_work import Database

from .api import api_client
from .conftest import SENDER, Clock, assigned, confirmed
from .receiver import Receiver

pytestmark = pytest.mark.integration

TRACER = trace.get_tracer("notify-tests")
STORM_DAY = datetime(2027, 7, 20, 0, tzinfo=UTC)
ONCE = RetryPolicy(max_attempts=1)


@pytest.fixture
async def client(database, notifier) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(database, notifier) as client:
        yield client


async def handle(database: Database, notifier, message) -> None:
    async with database.transaction() as unit:
        handler = on_task_event if hasattr(message, "task_id") else on_booking_event
        await handler(message, unit, notifier)


async def report(client: httpx.AsyncClient, broadcast_id: str) -> dict:
    response = await client.get(f"/staff/broadcasts/{broadcast_id}")
    assert response.status_code == 200
    return response.json()


def states(found: dict) -> dict[str, str]:
    return {entry["recipient"]: entry["state"] for entry in found["recipients"]}


async def test_the_notice_reaches_everyone_with_an_event_in_the_window_and_the_report_counts_them(
    database, notifier, client
) -> None:
    hit = confirmed(starts_at=STORM_DAY + timedelta(hours=6))  # 14:00 Shanghai on the storm day
    other = confirmed(locale="zh-CN", starts_at=STORM_DAY + timedelta(hours=1))
    elsewhere = confirmed(starts_at=STORM_DAY + timedelta(days=3))
    called_off = confirmed(starts_at=STORM_DAY + timedelta(hours=2))
    for event in (hit, other, elsewhere, called_off):
        await handle(database, notifier, event)
    await handle(
        database,
        notifier,
        BookingCancelled(
            **{
                n: getattr(called_off, n)
                for n in (
                    "booking_id",
                    "title",
                    "space_id",
                    "space_name",
                    "starts_at",
                    "ends_at",
                    "organizer",
                )
            },
            occurred_at=called_off.occurred_at + timedelta(seconds=1),
        ),
    )
    await handle(database, notifier, assigned(hit.booking_id, starts_at=hit.starts_at))
    with Receiver(always_fail=True).running() as receiver:
        async with database.transaction() as unit:
            await register_webhook(unit.connection, f"organizer:{hit.organizer.email}", receiver.url)

        response = await client.post(
            "/staff/broadcasts",
            json={
                "starts_at": "2027-07-20T08:00:00+08:00",
                "ends_at": "2027-07-20T22:00:00+08:00",
                "notices": {
                    "en": {
                        "headline": "The venue closes today",
                        "message": "A rainstorm warning is in force.",
                    },
                    "zh-CN": {"headline": "今日闭馆", "message": "暴雨预警生效。"},
                },
            },
        )

        assert response.status_code == 202
        accepted = response.json()
        assert accepted["recipients"] == 3
        keys = {
            f"organizer:{hit.organizer.email}",
            f"organizer:{other.organizer.email}",
            "vendor:agency-yangtze",
        }
        first = await report(client, accepted["broadcast_id"])
        assert set(states(first)) == keys
        assert first["totals"] == {"delivered": 0, "failed": 0, "pending": 3}

        await dispatch_once(database, SmsSender(DevSmsProvider(database.pool)), ONCE, TRACER)
        assert (await report(client, accepted["broadcast_id"]))["totals"] == {
            "delivered": 1,
            "failed": 0,
            "pending": 2,
        }

        webhooks = WebhookSender(disable_after=10, on_disabled=disabled_notice(notifier), timeout=5)
        await dispatch_once(database, webhooks, ONCE, TRACER, clock=Clock())
        await dispatch_once(database, SmtpMailer("127.0.0.1", free_port(), SENDER, timeout=2), ONCE, TRACER)

    final = await report(client, accepted["broadcast_id"])
    assert final["totals"] == {"delivered": 1, "failed": 2, "pending": 0}
    assert states(final) == {
        f"organizer:{hit.organizer.email}": "failed",
        f"organizer:{other.organizer.email}": "failed",
        "vendor:agency-yangtze": "delivered",
    }
    channels = {
        c["channel"]: c["state"]
        for r in final["recipients"]
        if r["recipient"] == "vendor:agency-yangtze"
        for c in r["channels"]
    }
    assert channels == {"in_app": "sent", "email": "failed", "sms": "sent"}
    assert len(receiver.received) == 1 and receiver.received[0].event == "urgent_broadcast"

    feed = (
        await client.get("/notifications", params={"recipient": f"organizer:{other.organizer.email}"})
    ).json()
    assert feed[0]["subject"] == "WICT 紧急通知：今日闭馆"
    assert "暴雨预警生效。" in feed[0]["body"] and "2027年7月20日" in feed[0]["body"]
    sms = (await client.get("/ops/dev-sms", params={"phone": "+8613800000101"})).json()
    assert sms[0]["body"] == "WICT 紧急通知：今日闭馆。暴雨预警生效。"


async def test_a_broadcast_nobody_is_concerned_by_has_an_empty_report(client) -> None:
    response = await client.post(
        "/staff/broadcasts",
        json={
            "starts_at": "2031-01-01T08:00:00+08:00",
            "ends_at": "2031-01-01T09:00:00+08:00",
            "notices": {"en": {"headline": "Drill", "message": "Fire drill."}},
        },
    )

    assert (response.status_code, response.json()["recipients"]) == (202, 0)
    found = await report(client, response.json()["broadcast_id"])
    assert (found["totals"], found["recipients"]) == ({"delivered": 0, "failed": 0, "pending": 0}, [])


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"starts_at": "2027-07-20T22:00:00+08:00", "ends_at": "2027-07-20T08:00:00+08:00"}, 422, "ends_at"),
        ({"starts_at": "2027-07-20T08:00:00", "ends_at": "2027-07-20T22:00:00+08:00"}, 422, "starts_at"),
        ({"starts_at": "2027-07-01T00:00:00+08:00", "ends_at": "2027-09-01T00:00:00+08:00"}, 422, "ends_at"),
        ({"notices": {}}, 422, "notices"),
        ({"notices": {"en": {"headline": " ", "message": "x"}}}, 422, "notices.en.headline"),
        ({"urgent": True}, 400, "urgent"),
    ],
)
async def test_a_bad_broadcast_is_refused_naming_the_field(
    client, body: dict, status: int, field: str
) -> None:
    request = {
        "starts_at": "2027-07-20T08:00:00+08:00",
        "ends_at": "2027-07-20T22:00:00+08:00",
        "notices": {"en": {"headline": "Closed", "message": "Storm."}},
    } | body

    response = await client.post("/staff/broadcasts", json=request)

    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    errors = response.json()["errors"]
    assert field in [error["field"] for error in errors] or any(field in error["reason"] for error in errors)


async def test_an_unknown_broadcast_is_404(client) -> None:
    response = await client.get(f"/staff/broadcasts/{uuid.uuid4()}")

    assert response.status_code == 404
