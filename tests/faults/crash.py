"""Helpers of the crash scenarios: arm a failpoint in one service, see it die, restart it, read the effects."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, NamedTuple, TypeVar

import nats
from nats.js import JetStreamContext
from nats.js.api import ConsumerInfo

from deploy.embedded.stack import SERVICES, Stack
from shared.messaging.streams import CONSUMERS

T = TypeVar("T")


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
    return collections.Counter(
        message.subject
        for message in stream_messages(stack, stream)
        if message.body.get("booking_id") == booking_id
    )


def _on_nats(stack: Stack, work: Callable[[JetStreamContext], Awaitable[T]]) -> T:
    async def run() -> T:
        connection = await nats.connect(stack.nats.url)
        try:
            return await work(connection.jetstream())
        finally:
            await connection.close()

    return asyncio.run(run())


def set_ack_wait(stack: Stack, seconds: float) -> None:
    """Redeliver what a dead instance left unacked after ``seconds`` (provisioned: 30 s, the saga's whole
    step timeout), on every durable consumer; the rest of each consumer's settings stays as provisioned."""

    async def update(js: JetStreamContext) -> None:
        for consumer in CONSUMERS:
            config = (await js.consumer_info(consumer.stream, consumer.durable)).config
            config.ack_wait = seconds
            await js.add_consumer(consumer.stream, config)

    _on_nats(stack, update)


def consumer_states(stack: Stack) -> dict[str, ConsumerInfo]:
    """Every durable consumer's state now, by durable name."""

    async def read(js: JetStreamContext) -> dict[str, ConsumerInfo]:
        return {c.durable: await js.consumer_info(c.stream, c.durable) for c in CONSUMERS}

    return _on_nats(stack, read)


def deliveries(info: ConsumerInfo) -> int:
    """How many deliveries the consumer made, redeliveries included (its consumer sequence)."""
    assert info.delivered is not None
    return info.delivered.consumer_seq


class Stored(NamedTuple):
    sequence: int
    subject: str
    body: dict[str, Any]


def stream_messages(stack: Stack, stream: str) -> list[Stored]:
    """Every message the stream holds (duplicates included), with its decoded body, in order."""

    async def read(js: JetStreamContext) -> list[Stored]:
        info = await js.stream_info(stream)
        found = []
        for sequence in range(info.state.first_seq, info.state.last_seq + 1):
            try:
                message = await js.get_msg(stream, sequence)
            except nats.js.errors.NotFoundError:
                continue
            found.append(Stored(sequence, message.subject or "", json.loads(message.data or b"{}")))
        return found

    return _on_nats(stack, read)


def wait_quiescent(stack: Stack, timeout: float = 60.0) -> None:
    """Block until nothing moves: every outbox empty and every consumer with nothing pending or unacked,
    with no delivery made in between (so no message was on its way while we looked)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            before = consumer_states(stack)
        except nats.errors.Error:  # JetStream briefly unavailable (a cluster electing leaders): look again
            assert time.monotonic() < deadline, "JetStream stayed unavailable"
            time.sleep(0.5)
            continue
        idle = all(info.num_pending == 0 and info.num_ack_pending == 0 for info in before.values())
        if idle and all(count(stack, db, "SELECT count(*) FROM outbox") == 0 for db in SERVICES):
            try:
                after = consumer_states(stack)
            except nats.errors.Error:
                continue
            if {name: deliveries(info) for name, info in before.items()} == {
                name: deliveries(info) for name, info in after.items()
            } and all(info.num_pending == 0 and info.num_ack_pending == 0 for info in after.values()):
                return
        if time.monotonic() > deadline:
            pending = {name: (i.num_pending, i.num_ack_pending) for name, i in before.items()}
            raise AssertionError(f"still moving after {timeout} s (pending, unacked): {pending}")
        time.sleep(0.2)
