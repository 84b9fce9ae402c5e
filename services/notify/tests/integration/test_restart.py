"""The real service as a process: vendor task events over NATS reach the vendor, and a reminder
scheduled before a restart fires after it."""

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import asyncpg
import msgspec
import nats
import pytest

from deploy.embedded.ports import free_port
from deploy.embedded.process import ServiceProcess, log_tail
from deploy.embedded.stack import Stack

from .conftest import assigned, confirmed

pytestmark = pytest.mark.integration

DEADLINE_SECONDS = 30
VENDOR_EMAIL = "bookings@yangtze-interpreting.example"


async def eventually(probe: Callable[[], Awaitable[Any]], what: str, process: ServiceProcess) -> Any:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not (found := await probe()):
        if time.monotonic() > deadline or not process.is_running:
            raise AssertionError(f"no {what}; service log:\n{log_tail(process.log_path, 60)}")
        await asyncio.sleep(0.1)
    return found


def mail(infra: Stack, address: str, booking_id: str, subject_start: str) -> list[EmailMessage]:
    return [
        m
        for m in infra.smtp.messages()
        if m["To"] == address
        and m["X-WICT-Booking-Id"] == booking_id
        and str(m["Subject"]).startswith(subject_start)
    ]


def service(infra: Stack, dsn: str, tmp_path: Path, name: str) -> ServiceProcess:
    port = free_port()
    env = {
        **infra.service_env("notify"),
        "WICT_DATABASE_URL": dsn,
        "WICT_HTTP_PORT": str(port),
        "WICT_REMINDER_INTERVAL_SECONDS": "0.2",
    }
    return ServiceProcess("notify", "services.notify", env, port, tmp_path / f"{name}.log")


async def run(process: ServiceProcess, work: Callable[[], Awaitable[None]]) -> None:
    process.start()
    try:
        await asyncio.to_thread(process.wait_ready, 60)
        await work()
    finally:
        status = await asyncio.to_thread(process.stop)
    assert status == 0, log_tail(process.log_path, 60)


async def test_task_events_reach_the_vendor_and_reminders_survive_a_restart(
    infra: Stack, fresh_database: Callable[[str], str], tmp_path: Path
) -> None:
    dsn = fresh_database("notify")
    starts_at = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30)
    booking = confirmed(starts_at=starts_at)
    task = assigned(booking.booking_id, starts_at=starts_at)
    booking_id = str(booking.booking_id)
    first = service(infra, dsn, tmp_path, "before")

    async def publish_and_schedule() -> None:
        connection = await nats.connect(infra.nats.url)
        try:
            js = connection.jetstream()
            for message, subject in ((booking, booking.subject), (task, task.vendor_subject())):
                await js.publish(
                    subject, msgspec.json.encode(message), headers={"Nats-Msg-Id": str(message.message_id)}
                )
        finally:
            await connection.close()
        await eventually(
            lambda: asyncio.to_thread(mail, infra, VENDOR_EMAIL, booking_id, "新任务"),
            "task e-mail to the vendor",
            first,
        )

        async def four_reminders() -> bool:
            return await database.fetchval("SELECT count(*) FROM reminders WHERE state = 'pending'") == 4

        await eventually(four_reminders, "reminders for organizer and vendor", first)

    database = await asyncpg.connect(dsn)
    try:
        await run(first, publish_and_schedule)
        # the service is down while a day passes: the 24-hour reminders fall due
        await database.execute(
            "UPDATE reminders SET due_at = now() - interval '1 second' WHERE lead = '24 hours'"
        )
        second = service(infra, dsn, tmp_path, "after")

        async def reminders_arrive() -> None:
            organizer = await eventually(
                lambda: asyncio.to_thread(mail, infra, booking.organizer.email, booking_id, "Reminder:"),
                "organizer reminder",
                second,
            )
            vendor = await eventually(
                lambda: asyncio.to_thread(mail, infra, VENDOR_EMAIL, booking_id, "任务提醒"),
                "vendor reminder",
                second,
            )
            assert organizer[0]["Subject"] == "Reminder: Destination Malaysia roadshow starts in 24 hours"
            assert vendor[0]["Subject"] == "任务提醒：同声传译将于24小时后开始，多功能厅"

        await run(second, reminders_arrive)
        states = await database.fetch("SELECT lead, state FROM reminders ORDER BY lead, recipient_key")
    finally:
        await database.close()
    assert [(row["lead"], row["state"]) for row in states] == [
        (timedelta(hours=24), "sent"),
        (timedelta(hours=24), "sent"),
        (timedelta(days=7), "pending"),
        (timedelta(days=7), "pending"),
    ]
    assert len(mail(infra, booking.organizer.email, booking_id, "Reminder:")) == 1
