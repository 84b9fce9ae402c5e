"""A caterer declines over real NATS JetStream to the running catering service: the second caterer gets the
order once (however often the decline is delivered) and lists it; the first one is out."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
import nats
import pytest
from nats.js.api import DeliverPolicy

from deploy.embedded.ports import free_port
from deploy.embedded.process import ServiceProcess
from deploy.embedded.stack import Stack
from shared.contracts import ConfirmCatering, ReserveCatering, VendorTaskDeclined
from shared.contracts.tasks import VendorTaskList
from shared.tests.jetstream import send, settled, stored

pytestmark = pytest.mark.integration

CUNTAN, JIANGBEI = "caterer-cuntan-kitchen", "caterer-jiangbei-banquet"


async def next_about(subscription: Any, booking_id: uuid.UUID) -> tuple[str, dict[str, Any]]:
    while True:
        message = await subscription.next_msg(timeout=30)
        body = msgspec.json.decode(message.data)
        if body.get("booking_id") == str(booking_id):
            return message.subject, body


async def test_a_declined_order_goes_to_the_second_caterer_once(
    infra: Stack, fresh_database: Callable[[str], str], tmp_path: Path
) -> None:
    database_url = fresh_database("catering")
    port = free_port()
    env = {**infra.service_env("catering"), "WICT_DATABASE_URL": database_url, "WICT_HTTP_PORT": str(port)}
    service = ServiceProcess("catering", "services.catering", env, port, tmp_path / "catering.log")
    connection = await nats.connect(infra.nats.url)
    js = connection.jetstream()
    reserved = await js.subscribe(
        "catering.evt.reserved", ordered_consumer=True, deliver_policy=DeliverPolicy.NEW
    )
    assigned = await js.subscribe(
        "tasks.catering.*.assigned", ordered_consumer=True, deliver_policy=DeliverPolicy.NEW
    )
    service.start()
    try:
        await asyncio.to_thread(service.wait_ready, 60.0)
        day = (datetime.now(UTC) + timedelta(days=30)).astimezone(ZoneInfo("Asia/Shanghai")).date()
        starts = datetime(day.year, day.month, day.day, 11, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
        reserve = ReserveCatering(
            booking_id=uuid.uuid4(),
            space_id="multifunctional-hall",
            starts_at=starts,
            ends_at=starts + timedelta(hours=3),
            menu="western-buffet",
            headcount=60,
        )
        booking = reserve.booking_id
        await send(js, reserve)
        await next_about(reserved, booking)
        await send(js, ConfirmCatering(booking_id=booking))
        subject, task = await next_about(assigned, booking)
        assert subject == f"tasks.catering.{CUNTAN}.assigned"

        declined = VendorTaskDeclined(
            booking_id=booking,
            task_id=task["task_id"],
            kind="catering",
            vendor_id=CUNTAN,
            in_reply_to=uuid.UUID(task["message_id"]),
            reason="our kitchen is closed that week",
        )
        await send(js, declined)
        await send(js, declined, msg_id=f"{declined.message_id}:again")  # delivered twice
        subject, taken = await next_about(assigned, booking)
        assert subject == f"tasks.catering.{JIANGBEI}.assigned"
        assert (taken["details"]["headcount"], taken["details"]["menu"]) == (60, "western-buffet")
        await settled(js, "TASKS", "catering-task-answers", database_url)

        in_stream = [s for s, _ in await stored(js, "tasks.catering.*.assigned", booking)]
        assert in_stream == [f"tasks.catering.{CUNTAN}.assigned", f"tasks.catering.{JIANGBEI}.assigned"]
        states = [
            (b["vendor_id"], b["state"]) for _, b in await stored(js, "catering.evt.task_state", booking)
        ]
        assert states == [(CUNTAN, "awaiting_answer"), (CUNTAN, "declined"), (JIANGBEI, "awaiting_answer")]
        reply = await connection.request(f"vendors.catering.{JIANGBEI}.tasks", b"", timeout=10)
        listed = msgspec.json.decode(reply.data, type=VendorTaskList)
        [view] = [view for view in listed.tasks if view.booking_id == booking]
        assert (view.vendor_id, view.state, str(view.in_reply_to)) == (
            JIANGBEI,
            "awaiting_answer",
            taken["message_id"],
        )
    finally:
        await connection.close()
        status = await asyncio.to_thread(service.stop)
    assert status == 0
