"""The interpreting service as a real process, driven over real NATS JetStream: reserve, confirm, release."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import msgspec
import nats
import pytest
from nats.js import JetStreamContext
from nats.js.api import DeliverPolicy

from deploy.embedded.ports import free_port
from deploy.embedded.process import ServiceProcess
from deploy.embedded.stack import Stack
from shared.contracts import ConfirmInterpreting, Message, ReleaseInterpreting, ReserveInterpreting

pytestmark = pytest.mark.integration

WAIT_SECONDS = 30.0
START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai


async def send(js: JetStreamContext, message: Message) -> None:
    await js.publish(
        message.subject, msgspec.json.encode(message), headers={"Nats-Msg-Id": str(message.message_id)}
    )


async def next_for(subscription: Any, booking_id: uuid.UUID) -> tuple[str, dict[str, Any]]:
    """The next message on ``subscription`` about ``booking_id`` (other tests' messages are skipped)."""
    while True:
        message = await subscription.next_msg(timeout=WAIT_SECONDS)
        body = msgspec.json.decode(message.data)
        if body.get("booking_id") == str(booking_id) and not message.subject.endswith(".evt.task_state"):
            return message.subject, body


def reserve(floor: str, targets: list[str]) -> ReserveInterpreting:
    return ReserveInterpreting(
        booking_id=uuid.uuid4(),
        space_id="room-b",
        starts_at=START,
        ends_at=START + timedelta(hours=3),
        floor_language=floor,
        target_languages=targets,
        attendees=60,
    )


async def test_the_service_answers_the_saga_over_jetstream(
    infra: Stack, fresh_database: Callable[[str], str], tmp_path: Path
) -> None:
    port = free_port()
    env = {
        **infra.service_env("interpreting"),
        "WICT_DATABASE_URL": fresh_database("interpreting"),
        "WICT_HTTP_PORT": str(port),
    }
    service = ServiceProcess(
        "interpreting", "services.interpreting", env, port, tmp_path / "interpreting.log"
    )
    connection = await nats.connect(infra.nats.url)
    try:
        js = connection.jetstream()
        events = await js.subscribe(
            "interpreting.evt.>", ordered_consumer=True, deliver_policy=DeliverPolicy.NEW
        )
        tasks = await js.subscribe(
            "tasks.interpreting.>", ordered_consumer=True, deliver_policy=DeliverPolicy.NEW
        )
        service.start()
        service.wait_ready(timeout=60)
        async with httpx.AsyncClient(base_url=service.base_url, timeout=5) as http:
            roster = (await http.get("/interpreters", params={"from": "en", "to": "zh"})).json()
        assert len(roster) >= 6 and all({"en", "zh"} <= set(entry["languages"]) for entry in roster)

        wanted = reserve("en", ["zh"])
        await send(js, wanted)
        subject, reserved = await next_for(events, wanted.booking_id)
        assert subject == "interpreting.evt.reserved"
        assert reserved["causation_id"] == str(wanted.message_id)
        assert (
            len(reserved["booths"]) == 1 and reserved["team_per_booth"] == 2 and len(reserved["seats"]) == 2
        )

        confirm = ConfirmInterpreting(booking_id=wanted.booking_id)
        await send(js, confirm)
        assert (await next_for(events, wanted.booking_id))[0] == "interpreting.evt.confirmed"
        vendors = {seat["vendor_id"] for seat in reserved["seats"]}
        assigned = [await next_for(tasks, wanted.booking_id) for _ in vendors]
        assert {subject for subject, _ in assigned} == {
            f"tasks.interpreting.{vendor}.assigned" for vendor in vendors
        }

        later = msgspec.structs.replace(  # a change: one hour later, beside the live revision 0
            wanted,
            message_id=uuid.uuid4(),
            revision=1,
            starts_at=START + timedelta(hours=1),
            ends_at=START + timedelta(hours=4),
        )
        await send(js, later)
        subject, changed_plan = await next_for(events, wanted.booking_id)
        assert (subject, changed_plan["revision"]) == ("interpreting.evt.reserved", 1)
        assert changed_plan["seats"] == reserved["seats"]  # the same team keeps the work
        await send(js, ConfirmInterpreting(booking_id=wanted.booking_id, revision=1))
        subject, body = await next_for(events, wanted.booking_id)
        assert (subject, body["revision"]) == ("interpreting.evt.confirmed", 1)
        changed = [await next_for(tasks, wanted.booking_id) for _ in vendors]
        assert {subject for subject, _ in changed} == {
            f"tasks.interpreting.{vendor}.changed" for vendor in vendors
        }
        assert all(body["changes"] == ["time"] for _, body in changed)

        await send(js, ReleaseInterpreting(booking_id=wanted.booking_id, revision=1, reason="test over"))
        subject, body = await next_for(events, wanted.booking_id)
        assert (subject, body["revision"]) == ("interpreting.evt.released", 1)
        cancelled = [await next_for(tasks, wanted.booking_id) for _ in vendors]
        assert {subject for subject, _ in cancelled} == {
            f"tasks.interpreting.{vendor}.cancelled" for vendor in vendors
        }

        arabic = reserve("ar", ["zh"])
        await send(js, arabic)
        subject, rejected = await next_for(events, arabic.booking_id)
        assert subject == "interpreting.evt.rejected"
        assert rejected["reason"].startswith(
            "no interpreter for ar→zh on 2027-03-02 14:00–17:00 (Asia/Shanghai)"
        )
    finally:
        await connection.close()
        status = service.stop()
    assert status == 0, service.log_path.read_text()[-3000:]
