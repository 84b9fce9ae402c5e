"""Agencies answer over real NATS JetStream to the running interpreting service: a decline (delivered twice,
then a redelivered confirm) hands the work to another agency exactly once, an answer in another agency's
name is refused, and each agency lists only its own tasks."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import nats
import pytest
from nats.js.api import DeliverPolicy

from deploy.embedded.ports import free_port
from deploy.embedded.process import ServiceProcess
from deploy.embedded.stack import Stack
from shared.contracts import (
    ConfirmInterpreting,
    ReserveInterpreting,
    VendorTaskAccepted,
    VendorTaskDeclined,
)
from shared.contracts.tasks import VendorTaskList, VendorTaskQuery
from shared.tests.jetstream import send, settled, stored

pytestmark = pytest.mark.integration

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)
YANGTZE, SILKROAD = "agency-yangtze", "agency-silkroad"
ANSWERS = (".accepted", ".declined", ".done")


async def test_a_decline_over_jetstream_reassigns_once_and_forged_answers_are_refused(
    infra: Stack, fresh_database: Callable[[str], str], tmp_path: Path
) -> None:
    database_url = fresh_database("interpreting")
    port = free_port()
    env = {
        **infra.service_env("interpreting"),
        "WICT_DATABASE_URL": database_url,
        "WICT_HTTP_PORT": str(port),
    }
    service = ServiceProcess(
        "interpreting", "services.interpreting", env, port, tmp_path / "interpreting.log"
    )
    connection = await nats.connect(infra.nats.url)
    js = connection.jetstream()
    tasks = await js.subscribe(
        "tasks.interpreting.>", ordered_consumer=True, deliver_policy=DeliverPolicy.NEW
    )
    reserved = await js.subscribe(
        "interpreting.evt.reserved", ordered_consumer=True, deliver_policy=DeliverPolicy.NEW
    )
    service.start()
    try:
        await asyncio.to_thread(service.wait_ready, 60.0)
        reserve = (
            ReserveInterpreting(  # zh→ja for 30 min: one interpreter, sr-04 (silkroad) first, yz-04 next
                booking_id=uuid.uuid4(),
                space_id="room-a",
                starts_at=START,
                ends_at=START + timedelta(minutes=30),
                floor_language="zh",
                target_languages=["ja"],
                attendees=60,
            )
        )
        booking = reserve.booking_id
        await send(js, reserve)
        await next_task(reserved, booking)  # commands run concurrently: confirm only what is reserved
        await send(js, ConfirmInterpreting(booking_id=booking))
        assigned = await next_task(tasks, booking)
        assert (assigned.subject, assigned.body["vendor_id"]) == (
            f"tasks.interpreting.{SILKROAD}.assigned",
            SILKROAD,
        )
        fields = {"booking_id": booking, "task_id": assigned.body["task_id"], "kind": "interpreting"}
        in_reply_to = uuid.UUID(assigned.body["message_id"])

        # yangtze publishes (on its own subject, all NATS lets it) an acceptance in silkroad's name
        forged = VendorTaskAccepted(**fields, vendor_id=SILKROAD, in_reply_to=in_reply_to)
        await send(js, forged, subject=f"tasks.interpreting.{YANGTZE}.accepted")
        await settled(js, "TASKS", "interpreting-task-answers", database_url)
        assert "message claims another subject than it came on" in service.log_path.read_text()

        declined = VendorTaskDeclined(**fields, vendor_id=SILKROAD, in_reply_to=in_reply_to, reason="ill")
        await send(js, declined)
        await send(js, declined, msg_id=f"{declined.message_id}:again")  # the stream keeps both copies
        taken = await next_task(tasks, booking)
        assert (taken.subject, taken.body["details"]["interpreters"]) == (
            f"tasks.interpreting.{YANGTZE}.assigned",
            ["yz-04"],
        )
        await send(js, ConfirmInterpreting(booking_id=booking))  # the saga confirms again (a new message id)
        await settled(js, "TASKS", "interpreting-task-answers", database_url)
        await settled(js, "INTERPRETING", "interpreting-commands", database_url)

        in_stream = [subject for subject, _ in await stored(js, "tasks.interpreting.*.assigned", booking)]
        assert in_stream == [
            f"tasks.interpreting.{SILKROAD}.assigned",
            f"tasks.interpreting.{YANGTZE}.assigned",
        ]
        states = [
            (body["vendor_id"], body["state"], body["version"])
            for _, body in await stored(js, "interpreting.evt.task_state", booking)
        ]
        assert states == [
            (SILKROAD, "awaiting_answer", 1),
            (SILKROAD, "declined", 2),
            (YANGTZE, "awaiting_answer", 1),
        ]

        async def listing(vendor: str, include_closed: bool = False) -> VendorTaskList:
            query = msgspec.json.encode(VendorTaskQuery(include_closed=include_closed))
            reply = await connection.request(f"vendors.interpreting.{vendor}.tasks", query, timeout=10)
            return msgspec.json.decode(reply.data, type=VendorTaskList)

        [view] = [task for task in (await listing(YANGTZE)).tasks if task.booking_id == booking]
        assert (view.state, str(view.in_reply_to)) == ("awaiting_answer", taken.body["message_id"])
        assert [task for task in (await listing(SILKROAD)).tasks if task.booking_id == booking] == []
        closed = [task for task in (await listing(SILKROAD, True)).tasks if task.booking_id == booking]
        assert [(task.vendor_id, task.state) for task in closed] == [(SILKROAD, "declined")]
    finally:
        await connection.close()
        status = await asyncio.to_thread(service.stop)
    assert status == 0


class Received:
    """A message as read from a subscription."""

    def __init__(self, subject: str, body: dict) -> None:
        self.subject, self.body = subject, body


async def next_task(
    subscription: nats.js.JetStreamContext.PushSubscription, booking_id: uuid.UUID
) -> Received:
    """The next message about ``booking_id`` but a vendor's answer (and other tests' messages)."""
    while True:
        message = await subscription.next_msg(timeout=30)
        body = msgspec.json.decode(message.data)
        if body.get("booking_id") == str(booking_id) and not message.subject.endswith(ANSWERS):
            return Received(message.subject, body)
