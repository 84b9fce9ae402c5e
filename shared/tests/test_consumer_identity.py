"""A message on a templated subject whose body claims another subject (vendor A answering as vendor B)
is terminated unread; one whose body matches its subject is handled."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import msgspec
import pytest

from shared.contracts import ConfirmCatering, VendorTaskDeclined
from shared.messaging.consumer import Route, claimed_subject, handle

pytestmark = pytest.mark.unit

BOOKING = uuid.UUID("00000000-0000-4000-8000-000000000001")


def declined(vendor: str) -> VendorTaskDeclined:
    return VendorTaskDeclined(
        booking_id=BOOKING,
        task_id=f"catering-{BOOKING}-{vendor}",
        kind="catering",
        vendor_id=vendor,
        reason="x",
    )


def test_the_claimed_subject_is_rendered_from_the_body():
    assert (
        claimed_subject(VendorTaskDeclined.subject, declined("caterer-a"))
        == "tasks.catering.caterer-a.declined"
    )
    assert claimed_subject(ConfirmCatering.subject, ConfirmCatering(booking_id=BOOKING)) is None
    assert (
        claimed_subject("tasks.{kind}.{vendor_id}.declined", object()) == ""
    )  # no such fields: never a match


@dataclass
class Metadata:
    num_delivered: int = 1


@dataclass
class FakeClient:
    published: list[tuple[str, bytes]] = field(default_factory=list)

    async def publish(self, subject: str, payload: bytes = b"") -> None:
        self.published.append((subject, payload))


REPLY = "$JS.ACK.TASKS.catering-task-answers.1.7.7.0.0"


@dataclass
class Raw:
    subject: str
    data: bytes
    metadata: Metadata = field(default_factory=Metadata)
    reply: str = REPLY
    headers: dict[str, str] | None = None
    _client: FakeClient = field(default_factory=FakeClient)
    _ackd: bool = False


@dataclass
class FakeMessage:
    raw_message: Raw
    outcome: list[str] = field(default_factory=list)

    async def ack(self) -> None:
        self.outcome.append("ack")

    async def reject(self) -> None:
        self.outcome.append("reject")

    async def nack(self, delay: float = 0) -> None:
        self.outcome.append("nack")


class FakeUnit:
    async def claim(self, consumer: str, message_id: uuid.UUID) -> bool:
        return True


class FakeDatabase:
    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[FakeUnit]:
        yield FakeUnit()


async def deliver(subject: str, body: VendorTaskDeclined) -> tuple[list[str], list[Any]]:
    handled: list[Any] = []

    async def handler(message: Any, unit: Any) -> None:
        handled.append(message)

    routes = {VendorTaskDeclined.subject: Route(VendorTaskDeclined, handler)}
    message = FakeMessage(Raw(subject, msgspec.json.encode(body)))
    await handle(message, "catering-task-answers", routes, FakeDatabase())  # type: ignore[arg-type]
    return message.outcome, handled


async def test_a_body_claiming_another_vendor_is_terminated_unhandled():
    outcome, handled = await deliver("tasks.catering.caterer-a.declined", declined("caterer-b"))
    assert (outcome, handled) == (["reject"], [])


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            msgspec.json.encode(declined("caterer-b")),
            b"forged: the body claims tasks.catering.caterer-b.declined",
        ),
        (b"<booking/>", b"undecodable: JSON is malformed: invalid character (byte 0)"),
    ],
)
async def test_a_terminated_message_tells_jetstream_why_for_the_dead_letters(data: bytes, reason: bytes):
    message = FakeMessage(Raw("tasks.catering.caterer-a.declined", data))
    await handle(
        message,
        "catering-task-answers",
        {VendorTaskDeclined.subject: Route(VendorTaskDeclined, print)},
        FakeDatabase(),
    )  # type: ignore[arg-type]
    assert message.raw_message._client.published == [(REPLY, b"+TERM " + reason)]
    assert message.outcome == ["reject"]


async def test_a_body_that_matches_its_subject_is_handled_and_acked():
    outcome, handled = await deliver("tasks.catering.caterer-a.declined", declined("caterer-a"))
    assert outcome == ["ack"] and [m.vendor_id for m in handled] == ["caterer-a"]
