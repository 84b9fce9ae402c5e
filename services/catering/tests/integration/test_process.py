"""The catering service as a real process, driven over real NATS JetStream: reserve, confirm, release."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import msgspec
import nats
import pytest
from nats.js import JetStreamContext
from nats.js.api import DeliverPolicy

from deploy.embedded.ports import free_port
from deploy.embedded.process import ServiceProcess
from deploy.embedded.stack import Stack
from shared.contracts import ConfirmCatering, Message, ReleaseCatering, ReserveCatering

pytestmark = pytest.mark.integration

WAIT_SECONDS = 30.0


async def send(js: JetStreamContext, message: Message) -> None:
    await js.publish(
        message.subject, msgspec.json.encode(message), headers={"Nats-Msg-Id": str(message.message_id)}
    )


async def next_for(subscription: Any, booking_id: uuid.UUID) -> tuple[str, dict[str, Any]]:
    """The next message on ``subscription`` about ``booking_id`` (others' messages are skipped)."""
    while True:
        message = await subscription.next_msg(timeout=WAIT_SECONDS)
        body = msgspec.json.decode(message.data)
        if body.get("booking_id") == str(booking_id) and not message.subject.endswith(".evt.task_state"):
            return message.subject, body


def lunch_in_a_month() -> datetime:
    day = (datetime.now(UTC) + timedelta(days=30)).astimezone(ZoneInfo("Asia/Shanghai")).date()
    return datetime(day.year, day.month, day.day, 11, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


async def test_the_service_answers_the_saga_over_jetstream(
    infra: Stack, fresh_database: Callable[[str], str], tmp_path: Path
) -> None:
    port = free_port()
    env = {
        **infra.service_env("catering"),
        "WICT_DATABASE_URL": fresh_database("catering"),
        "WICT_HTTP_PORT": str(port),
        "WICT_STAFF_API_KEYS": "wict_test-staff-a,wict_test-staff-b",
    }
    service = ServiceProcess("catering", "services.catering", env, port, tmp_path / "catering.log")
    connection = await nats.connect(infra.nats.url)
    js = connection.jetstream()
    events = await js.subscribe("catering.evt.>", ordered_consumer=True, deliver_policy=DeliverPolicy.NEW)
    tasks = await js.subscribe("tasks.catering.>", ordered_consumer=True, deliver_policy=DeliverPolicy.NEW)
    service.start()
    try:
        await asyncio.to_thread(service.wait_ready, 60.0)
        async with httpx.AsyncClient(base_url=service.base_url) as client:
            menus = (await client.get("/menus")).json()
        assert {menu["id"] for menu in menus} >= {"western-buffet", "tea-break", "chinese-banquet"}
        assert all("vendor_id" not in menu for menu in menus)
        buffet = next(menu for menu in menus if menu["id"] == "western-buffet")
        assert buffet["dishes"][0] == {
            "name": {"en": "Caesar salad", "zh-CN": "凯撒沙拉"},
            "allergens": ["cereals containing gluten", "eggs", "fish", "milk", "mustard"],
        }
        assert "peanuts" not in buffet["allergens"] and "fish" in buffet["allergens"]
        assert all(set(d["name"]) == {"en", "zh-CN"} for menu in menus for d in menu["dishes"])

        starts = lunch_in_a_month()
        reserve = ReserveCatering(
            booking_id=uuid.uuid4(),
            space_id="multifunctional-hall",
            starts_at=starts,
            ends_at=starts + timedelta(hours=3),
            menu="western-buffet",
            headcount=60,
        )
        await send(js, reserve)
        subject, body = await next_for(events, reserve.booking_id)
        assert (subject, body["meal_period"], body["covers"]) == ("catering.evt.reserved", "lunch", 60)
        assert body["causation_id"] == str(reserve.message_id)

        confirm = ConfirmCatering(booking_id=reserve.booking_id)
        await send(js, confirm)
        assert (await next_for(events, reserve.booking_id))[0] == "catering.evt.confirmed"
        subject, task = await next_for(tasks, reserve.booking_id)
        assert subject == "tasks.catering.caterer-cuntan-kitchen.assigned"
        assert (task["task_id"], task["details"]["servers"]) == (
            f"catering-{reserve.booking_id}-caterer-cuntan-kitchen",
            3,
        )

        change = msgspec.structs.replace(reserve, message_id=uuid.uuid4(), revision=1, headcount=90)
        await send(js, change)
        subject, body = await next_for(events, reserve.booking_id)
        assert (subject, body["revision"], body["covers"]) == ("catering.evt.reserved", 1, 90)
        await send(js, ConfirmCatering(booking_id=reserve.booking_id, revision=1))
        assert (await next_for(events, reserve.booking_id))[1]["revision"] == 1
        subject, changed = await next_for(tasks, reserve.booking_id)
        assert (subject, changed["changes"]) == (
            "tasks.catering.caterer-cuntan-kitchen.changed",
            ["headcount", "staff"],
        )
        async with httpx.AsyncClient(base_url=service.base_url) as client:
            beo_path = f"/orders/{reserve.booking_id}/beo"
            assert (await client.get(beo_path)).status_code == 401
            beo = await client.get(beo_path, headers={"Authorization": "Bearer wict_test-staff-b"})
        assert beo.status_code == 200 and "  Guests (guaranteed)  90" in beo.text.splitlines()
        await send(js, ReleaseCatering(booking_id=reserve.booking_id, revision=1, reason="cancelled"))
        subject, body = await next_for(events, reserve.booking_id)
        assert (subject, body["revision"]) == ("catering.evt.released", 1)
        subject, cancelled = await next_for(tasks, reserve.booking_id)
        assert (subject, cancelled["reason"]) == (
            "tasks.catering.caterer-cuntan-kitchen.cancelled",
            "the booking was cancelled",
        )

        too_many = msgspec.structs.replace(
            reserve, booking_id=uuid.uuid4(), message_id=uuid.uuid4(), dietary={"vegan": 61}
        )
        await send(js, too_many)
        subject, body = await next_for(events, too_many.booking_id)
        assert subject == "catering.evt.rejected" and "more than the headcount 60" in body["reason"]

        early = ReleaseCatering(booking_id=uuid.uuid4(), reason="saga gave up")
        await send(js, early)
        assert (await next_for(events, early.booking_id))[0] == "catering.evt.released"
        late = msgspec.structs.replace(reserve, booking_id=early.booking_id, message_id=uuid.uuid4())
        await send(js, late)
        subject, body = await next_for(events, early.booking_id)
        assert subject == "catering.evt.rejected" and "already released" in body["reason"]
    finally:
        await connection.close()
        status = await asyncio.to_thread(service.stop)
    assert status == 0
