"""The real service as a process: a BookingConfirmed over NATS becomes an e-mail and a feed entry."""

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import msgspec
import nats
import pytest

from deploy.embedded.ports import free_port
from deploy.embedded.process import ServiceProcess, log_tail
from deploy.embedded.stack import Stack
from shared.contracts import BookingConfirmed
from shared.span_store import read_trace

from .conftest import confirmed, mail_to

pytestmark = pytest.mark.integration

DEADLINE_SECONDS = 30


async def eventually(probe: Callable[[], Awaitable[Any]], what: str, process: ServiceProcess) -> Any:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not (found := await probe()):
        if time.monotonic() > deadline or not process.is_running:
            raise AssertionError(f"no {what}; service log:\n{log_tail(process.log_path, 60)}")
        await asyncio.sleep(0.1)
    return found


async def test_a_confirmed_booking_arrives_by_email_and_in_the_feed(
    infra: Stack, fresh_database: Callable[[str], str], tmp_path: Path
) -> None:
    port = free_port()
    env = {
        **infra.service_env("notify"),
        "WICT_DATABASE_URL": fresh_database("notify"),
        "WICT_HTTP_PORT": str(port),
    }
    process = ServiceProcess("notify", "services.notify", env, port, tmp_path / "notify.log")
    event: BookingConfirmed = confirmed(locale="zh-CN")
    connection = await nats.connect(infra.nats.url)
    process.start()
    try:
        await asyncio.to_thread(process.wait_ready, 60)
        js = connection.jetstream()
        payload = msgspec.json.encode(event)
        trace_id = uuid.uuid4().hex  # as if the venue's saga span had published it
        traceparent = f"00-{trace_id}-{uuid.uuid4().hex[:16]}-01"
        first = await js.publish(
            event.subject, payload, headers={"Nats-Msg-Id": str(event.message_id), "traceparent": traceparent}
        )

        async def acked(seq: int) -> bool:
            info = await js.consumer_info("VENUE", "notify-booking-events")
            return info.ack_floor.stream_seq >= seq

        # the same event again under another publish id, once the first is handled (so the traced copy is
        # the one recorded): the stream keeps it, the service must not act twice
        await eventually(lambda: acked(first.seq), "ack of the first copy", process)
        again = await js.publish(event.subject, payload, headers={"Nats-Msg-Id": f"{event.message_id}-again"})
        assert again.seq > first.seq

        [message] = await eventually(
            lambda: asyncio.to_thread(mail_to, infra, event.organizer.email), "e-mail in the sink", process
        )
        assert message["Subject"] == "预订已确认：Destination Malaysia roadshow"
        plain = message.get_body(("plain",))
        assert plain is not None
        assert "2027年3月2日 07:00–11:00（Europe/Berlin） [14:00–18:00 Asia/Shanghai]" in plain.get_content()

        await eventually(lambda: acked(again.seq), "ack of both copies", process)

        staff = {"Authorization": f"Bearer {infra.credentials['staff']}"}
        async with httpx.AsyncClient(base_url=process.base_url, timeout=5, headers=staff) as client:

            async def feed_shows_sent() -> list | None:
                entries = (
                    await client.get("/notifications", params={"booking_id": str(event.booking_id)})
                ).json()
                return entries if entries and entries[0]["channels"]["email"]["state"] == "sent" else None

            [entry] = await eventually(feed_shows_sent, "sent e-mail in the feed", process)
            assert (entry["event"], entry["locale"]) == ("booking_confirmed", "zh-CN")
            assert entry["channels"]["email"]["attempts"] == 1
            refused = await client.get("/notifications", params={"booking_id": "42"})
            assert refused.status_code == 400
            assert refused.json()["errors"][0]["field"] == "booking_id"
        assert len(mail_to(infra, event.organizer.email)) == 1
    finally:
        await connection.close()
        status = await asyncio.to_thread(process.stop)
    assert status == 0, log_tail(process.log_path, 60)
    # the spans are flushed at shutdown: the e-mail belongs to the booking's trace
    assert "email send" in {span.name for span in read_trace(infra.spans_dir, trace_id)}
