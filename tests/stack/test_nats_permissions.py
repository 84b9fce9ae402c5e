"""Per-vendor and per-service NATS users on a real nats-server with the generated config (issue 4).

Two interpreting agencies A and B and one caterer C. A task is published for A by the interpreting
service's user; A pulls, acks and answers it; B and C, each connected as itself, are refused everything
of A's. A refused action is shown by the server's "Permissions Violation" error, seen by nats-py's error
callback before the PONG of a flush (the server answers in order), and by its effect not happening.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import nats
import pytest
from nats.aio.client import Client
from nats.errors import TimeoutError as NatsTimeout

from deploy.embedded import NatsServer, free_port
from deploy.embedded.nats import NatsLogin, vendor_login
from deploy.embedded.nats_cluster import NatsCluster
from shared.config import nats_servers
from shared.contracts.tasks import VendorTaskAccepted, VendorTaskAssigned
from shared.messaging.responders import Responder, serve
from shared.messaging.streams import TASKS, JetStreamSettings, provision
from shared.messaging.vendors import Vendor
from shared.participant.entrypoints.listing import vendor_of

pytestmark = pytest.mark.integration

A = Vendor("interpreting", "agency-a")
B = Vendor("interpreting", "agency-b")
C = Vendor("catering", "caterer-c")


class Session:
    """A connection as one user, with the server's errors it was told."""

    def __init__(self, connection: Client, errors: list[str]) -> None:
        self.connection = connection
        self.errors = errors

    async def settled(self) -> None:
        """Everything sent so far was handled by the server and its answers have arrived. Twice: nats-py
        writes a flush's PING ahead of publishes still in its buffer, so the first PONG can come first."""
        await self.connection.flush(timeout=5)
        await self.connection.flush(timeout=5)

    async def refused(self, subject: str, action: str = "publish") -> bool:
        """Whether the server refused ``action`` on ``subject`` (nats-py lower-cases the whole -ERR)."""
        await self.settled()
        return f'permissions violation for {action} to "{subject}"'.lower() in "\n".join(self.errors)

    async def try_publish(self, subject: str, body: bytes = b"{}") -> bool:
        await self.connection.publish(subject, body, reply=self.connection.new_inbox())
        return await self.refused(subject)

    async def try_subscribe(self, subject: str) -> bool:
        subscription = await self.connection.subscribe(subject)
        refused = await self.refused(subject, "subscription")
        await subscription.unsubscribe()
        return refused


async def connect(login: NatsLogin, inbox_prefix: str = "_INBOX") -> Session:
    errors: list[str] = []

    async def on_error(error: Exception) -> None:
        errors.append(str(error))

    connection = await nats.connect(
        nats_servers(login.url),
        user=login.user,
        password=login.password,
        inbox_prefix=inbox_prefix,
        error_cb=on_error,
        allow_reconnect=False,
        connect_timeout=5,
    )
    return Session(connection, errors)


@pytest.fixture(params=[1, 3], ids=["single node", "3-node cluster"])
def server(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[NatsServer | NatsCluster]:
    """One nats-server, or (issue 6 #12) a JetStream cluster whose streams are replicated on all three."""
    server: NatsServer | NatsCluster = (
        NatsServer(tmp_path / "nats", free_port(), free_port(), vendors=[A, B, C])
        if request.param == 1
        else NatsCluster(tmp_path / "nats", request.param, vendors=[A, B, C])
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def sessions(server: NatsServer | NatsCluster) -> AsyncIterator[dict[str, Session]]:
    """Admin, the interpreting service (answering vendors' task queries), A, B and C, connected; one task
    assigned to A, published by the interpreting service."""
    settings = JetStreamSettings(stream_replicas=len(server.processes))
    await provision(server.url, settings, vendors=server.vendors)
    await provision(server.url, settings, vendors=server.vendors)  # again: provisioning is idempotent
    opened = {
        "admin": await connect(server.login("admin")),
        "service": await connect(server.login("interpreting")),
    }
    opened |= {
        vendor.vendor_id: await connect(server.vendor_login(vendor), vendor.inbox_prefix)
        for vendor in (A, B, C)
    }

    async def answer(subject: str, body: bytes) -> bytes:
        return f"tasks of {vendor_of(subject)}".encode()

    await serve(opened["service"].connection, [Responder("vendors.interpreting.*.tasks", "q", answer)])
    await opened["service"].connection.jetstream().publish(A.subject("assigned"), _task(A))
    yield opened
    for session in opened.values():
        await session.connection.close()


def _task(vendor: Vendor) -> bytes:
    starts = datetime.now(UTC) + timedelta(days=30)
    task = VendorTaskAssigned(
        booking_id=uuid.uuid4(),
        task_id="task-1",
        kind=vendor.kind,
        vendor_id=vendor.vendor_id,
        space_id="room-a",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        load_in_at=starts,
        load_out_at=starts + timedelta(hours=3),
        summary="en→zh, one booth",
    )
    return msgspec.json.encode(task)


async def _pending(admin: Session, vendor: Vendor) -> tuple[int, int]:
    info = await admin.connection.jetstream().consumer_info(TASKS, vendor.name)
    return info.num_pending, info.num_ack_pending


async def test_a_vendor_pulls_acks_and_answers_its_own_task(sessions: dict[str, Session]) -> None:
    a = sessions[A.vendor_id]
    subscription = await a.connection.jetstream().pull_subscribe_bind(A.name, TASKS)

    [message] = await subscription.fetch(1, timeout=10)
    await message.ack_sync()
    answer = VendorTaskAccepted(booking_id=uuid.uuid4(), task_id="task-1", kind=A.kind, vendor_id=A.vendor_id)
    ack = await a.connection.jetstream().publish(A.subject("accepted"), msgspec.json.encode(answer))
    listing = await a.connection.request(A.query_subject, b"", timeout=10)

    assert message.subject == A.subject("assigned")
    assert msgspec.json.decode(message.data, type=VendorTaskAssigned).vendor_id == A.vendor_id
    assert (ack.stream, ack.seq) == (TASKS, 2)
    assert listing.data == b"tasks of agency-a"
    assert await _pending(sessions["admin"], A) == (0, 0)
    assert a.errors == []


async def test_another_vendor_cannot_pull_from_a_vendors_consumer(sessions: dict[str, Session]) -> None:
    b = sessions[B.vendor_id]
    subscription = await b.connection.jetstream().pull_subscribe_bind(A.name, TASKS)

    with pytest.raises(NatsTimeout):
        await subscription.fetch(1, timeout=0.5)

    assert await b.refused(f"$JS.API.CONSUMER.MSG.NEXT.{TASKS}.{A.name}")
    assert await _pending(sessions["admin"], A) == (1, 0)  # still waiting for A, not handed out
    assert await _pending(sessions["admin"], B) == (0, 0)  # and B's own consumer never saw it


@pytest.mark.parametrize("vendor", [B, C], ids=["same kind", "other kind"])
async def test_another_vendor_cannot_read_a_vendors_task_any_other_way(
    sessions: dict[str, Session], vendor: Vendor
) -> None:
    other = sessions[vendor.vendor_id]
    consumers_before = await _consumer_names(sessions["admin"])

    assert await other.try_publish(f"$JS.API.STREAM.MSG.GET.{TASKS}", b'{"seq": 1}')
    assert await other.try_publish(f"$JS.API.DIRECT.GET.{TASKS}", b'{"seq": 1}')
    assert await other.try_publish(f"$JS.API.CONSUMER.INFO.{TASKS}.{A.name}")
    assert await other.try_publish(f"$JS.API.CONSUMER.CREATE.{TASKS}.spy", b'{"stream_name": "TASKS"}')
    assert await other.try_publish(f"$JS.API.CONSUMER.DURABLE.CREATE.{TASKS}.spy")
    assert await other.try_publish(f"$JS.API.CONSUMER.DELETE.{TASKS}.{A.name}")
    assert await other.try_publish(f"$JS.API.STREAM.INFO.{TASKS}")
    assert await _consumer_names(sessions["admin"]) == consumers_before
    assert await _pending(sessions["admin"], A) == (1, 0)


@pytest.mark.parametrize("vendor", [B, C], ids=["same kind", "other kind"])
async def test_another_vendor_cannot_listen_to_a_vendors_subjects_or_replies(
    sessions: dict[str, Session], vendor: Vendor
) -> None:
    other = sessions[vendor.vendor_id]
    subjects = (
        "tasks.>",
        "tasks.interpreting.agency-a.>",
        A.subject("changed"),
        "_INBOX.>",
        f"{A.inbox_prefix}.>",
        "vendors.interpreting.*.tasks",
        ">",
    )
    subscriptions = [await other.connection.subscribe(subject) for subject in subjects]
    refused = [subject for subject in subjects if await other.refused(subject, "subscription")]

    await sessions["service"].connection.jetstream().publish(A.subject("changed"), _task(A))
    await sessions["admin"].connection.request(A.query_subject, b"", timeout=10)
    await other.settled()

    assert [sub.subject for sub in subscriptions if sub.pending_msgs] == []  # nothing was routed to them
    assert refused == list(subjects)


@pytest.mark.parametrize("vendor", [B, C], ids=["same kind", "other kind"])
async def test_another_vendor_cannot_answer_ack_or_ask_as_a_vendor(
    sessions: dict[str, Session], vendor: Vendor
) -> None:
    other = sessions[vendor.vendor_id]
    stored = (await sessions["admin"].connection.jetstream().stream_info(TASKS)).state.messages

    for answer in ("accepted", "declined", "done"):
        assert await other.try_publish(A.subject(answer))
    assert await other.try_publish(f"$JS.ACK.{TASKS}.{A.name}.1.1.1.1.0")
    with pytest.raises(NatsTimeout):
        await other.connection.request(A.query_subject, b"", timeout=0.5)

    assert await other.refused(A.query_subject)
    assert (await sessions["admin"].connection.jetstream().stream_info(TASKS)).state.messages == stored
    assert await _pending(sessions["admin"], A) == (1, 0)


async def test_a_vendor_cannot_publish_the_platforms_events_even_its_own(
    sessions: dict[str, Session],
) -> None:
    a = sessions[A.vendor_id]

    for event in ("assigned", "changed", "cancelled", "escalated"):
        assert await a.try_publish(A.subject(event))
    assert await a.try_publish("interpreting.evt.task_state")
    assert await a.try_publish("interpreting.cmd.reserve")


async def test_a_service_uses_only_its_own_subjects_and_consumers(sessions: dict[str, Session]) -> None:
    service = sessions["service"]

    assert await service.try_publish(A.subject("accepted"))  # a vendor's answer is the vendor's to give
    assert await service.try_publish("catering.evt.reserved")
    assert await service.try_publish("venue.evt.booking_confirmed")
    assert await service.try_publish(f"$JS.API.CONSUMER.MSG.NEXT.{TASKS}.{A.name}")
    assert await service.try_publish(f"$JS.API.STREAM.DELETE.{TASKS}")
    assert await service.try_publish("$JS.API.CONSUMER.INFO.CATERING.catering-commands")
    assert await service.try_subscribe("deliver.catering-commands")
    assert not await service.try_publish("$JS.API.CONSUMER.INFO.INTERPRETING.interpreting-commands")


async def _consumer_names(admin: Session) -> list[str]:
    return sorted(info.name for info in await admin.connection.jetstream().consumers_info(TASKS))


async def test_without_credentials_or_with_a_wrong_password_nobody_connects(
    server: NatsServer | NatsCluster,
) -> None:
    for login in (NatsLogin(server.display_url, "", ""), server.vendor_login(A)._replace(password="guess")):
        with pytest.raises(Exception, match=r"Authorization|nats: no servers available"):
            await nats.connect(
                nats_servers(login.url),
                user=login.user or None,
                password=login.password or None,
                allow_reconnect=False,
                max_reconnect_attempts=0,
                connect_timeout=2,
            )


def test_a_vendors_login_is_read_from_the_stacks_data_folder(server: NatsServer | NatsCluster) -> None:
    login = vendor_login(server.data_dir.parent, "interpreting", "agency-b")

    assert login == server.vendor_login(B)
    assert (login.url, login.user) == (server.display_url, "vendor-interpreting-agency-b")
    assert "@" not in login.url
