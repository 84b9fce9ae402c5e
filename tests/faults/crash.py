"""Helpers of the crash scenarios: arm a failpoint in one service, see it die, restart it, read the effects."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import time
from collections.abc import Iterator
from typing import Any

import nats

from deploy.embedded.stack import Stack


@contextlib.contextmanager
def armed(stack: Stack, name: str, failpoints: str) -> Iterator[None]:
    """Run service ``name`` with ``failpoints`` armed; afterwards it runs disarmed again."""
    service = stack.service(name)
    plain = dict(service.env or {})
    markers = stack.config.data_dir / "failpoints"
    markers.mkdir(exist_ok=True)
    for marker in markers.iterdir():
        marker.unlink()
    service.stop()
    service.env = {**plain, "WICT_FAILPOINTS": failpoints, "WICT_FAILPOINT_DIR": str(markers)}
    service.start()
    service.wait_ready()
    try:
        yield
    finally:
        if service.is_running:
            service.stop()
        service.env = plain
        service.start()
        service.wait_ready()


def wait_for_death(stack: Stack, name: str, timeout: float = 60.0) -> int:
    """Block until service ``name`` has died; its exit status (-9: SIGKILLed)."""
    service, deadline = stack.service(name), time.monotonic() + timeout
    while service.is_running:
        if time.monotonic() > deadline:
            raise AssertionError(f"{name} is still alive after {timeout} s: the failpoint never fired")
        time.sleep(0.05)
    returncode = service.returncode
    assert returncode is not None
    return returncode


def restart(stack: Stack, name: str) -> None:
    service = stack.service(name)
    service.start()
    service.wait_ready()


def count(stack: Stack, database: str, sql: str) -> int:
    return int(stack.postgres.psql(sql, database).strip() or 0)


def stream_subjects(stack: Stack, stream: str, booking_id: str) -> collections.Counter[str]:
    """How many messages about ``booking_id`` the stream holds, per subject (duplicates included)."""

    async def read() -> collections.Counter[str]:
        connection = await nats.connect(stack.nats.url)
        try:
            js = connection.jetstream()
            info = await js.stream_info(stream)
            found: collections.Counter[str] = collections.Counter()
            for sequence in range(info.state.first_seq, info.state.last_seq + 1):
                try:
                    message = await js.get_msg(stream, sequence)
                except nats.js.errors.NotFoundError:
                    continue
                body: dict[str, Any] = json.loads(message.data or b"{}")
                if body.get("booking_id") == booking_id:
                    found[message.subject] += 1
            return found
        finally:
            await connection.close()

    return asyncio.run(read())
