"""The JetStream topology, declared once: streams and durable consumers of every service.

Provisioned by the deployment (``provision``) before services start; services bind to the consumers
and never declare or update streams themselves (faststream would merge its own settings over the
server's). A durable consumer's filter cannot change later, so filters are chosen here, once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import msgspec
import nats
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy, RetentionPolicy, StorageType, StreamConfig
from nats.js.errors import NotFoundError

from shared.config import load, nats_servers
from shared.messaging.vendors import DELIVERED, Vendor, known_vendors

log = logging.getLogger(__name__)

DUPLICATE_WINDOW_SECONDS = 15 * 60  # longer than any outbox relay retry horizon
MAX_AGE_SECONDS = 14 * 24 * 3600


@dataclass(frozen=True)
class Stream:
    name: str
    subjects: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class Consumer:
    durable: str
    stream: str
    filter_subject: str
    service: str


STREAMS: tuple[Stream, ...] = (
    Stream("VENUE", ("venue.>",), "booking outcomes announced by the venue"),
    Stream("INTERPRETING", ("interpreting.>",), "commands to and events of the interpreting service"),
    Stream("CATERING", ("catering.>",), "commands to and events of the catering service"),
    Stream("TASKS", ("tasks.>",), "vendor task events, one subject tree per vendor"),
)
TASKS = "TASKS"  # besides the services' consumers, one pull consumer per vendor (vendor_consumer_config)
# Dead letters: JetStream's advisory of each message a consumer of the streams above gave up on (max
# deliveries reached, or terminated: undecodable or forged); the original stays in its stream, read by
# sequence (shared/messaging/dead_letters.py).
DEAD_LETTERS = "DEAD_LETTERS"
GIVE_UP_ADVISORIES = ("MAX_DELIVERIES", "MSG_TERMINATED")
STREAMS += (
    Stream(
        DEAD_LETTERS,
        tuple(
            f"$JS.EVENT.ADVISORY.CONSUMER.{kind}.{stream.name}.*"
            for stream in STREAMS
            for kind in GIVE_UP_ADVISORIES
        ),
        "messages our consumers gave up on (JetStream advisories), for ops to inspect, replay or discard",
    ),
)

CONSUMERS = (
    Consumer("interpreting-commands", "INTERPRETING", "interpreting.cmd.>", "interpreting"),
    Consumer("catering-commands", "CATERING", "catering.cmd.>", "catering"),
    Consumer("venue-interpreting-events", "INTERPRETING", "interpreting.evt.>", "venue"),
    Consumer("venue-catering-events", "CATERING", "catering.evt.>", "venue"),
    Consumer("notify-booking-events", "VENUE", "venue.evt.>", "notify"),
    Consumer("notify-task-events", "TASKS", "tasks.>", "notify"),
    # vendors' answers (accepted/declined/done) to the tasks each service hands out; the service's own
    # assigned/changed/cancelled/escalated messages share the subject tree and are acked unread
    Consumer("interpreting-task-answers", "TASKS", "tasks.interpreting.>", "interpreting"),
    Consumer("catering-task-answers", "TASKS", "tasks.catering.>", "catering"),
    # a dead-lettered command or answer of a booking saga: the venue compensates instead of waiting
    Consumer("venue-dead-letters", DEAD_LETTERS, "$JS.EVENT.ADVISORY.CONSUMER.>", "venue"),
)


def stream_for(subject: str) -> str:
    """The stream that stores ``subject``."""
    root = subject.split(".", 1)[0]
    for stream in STREAMS:
        if any(pattern.split(".", 1)[0] == root for pattern in stream.subjects):
            return stream.name
    raise LookupError(f"no stream stores subject {subject!r}")


def consumers_of(service: str) -> list[Consumer]:
    return [consumer for consumer in CONSUMERS if consumer.service == service]


def deliver_subject(consumer: Consumer) -> str:
    return f"deliver.{consumer.durable}"


def consumer_config(consumer: Consumer, max_deliver: int, ack_wait: float) -> ConsumerConfig:
    # push consumers with a deliver group: every instance of the service joins the group and the
    # server shares the messages out (nats-py's pull fetch loop raises on idle timeouts under faststream)
    return ConsumerConfig(
        durable_name=consumer.durable,
        deliver_subject=deliver_subject(consumer),
        deliver_group=consumer.durable,
        filter_subject=consumer.filter_subject,
        ack_policy=AckPolicy.EXPLICIT,
        deliver_policy=DeliverPolicy.ALL,
        max_deliver=max_deliver,
        ack_wait=ack_wait,
        max_ack_pending=256,  # what a service holds unacked; far fewer than it handles in one ack wait
    )


def vendor_consumer_config(vendor: Vendor, max_deliver: int, ack_wait: float) -> ConsumerConfig:
    # a pull consumer: a vendor's client fetches when it runs, through its own permissions
    return ConsumerConfig(
        durable_name=vendor.name,
        description=f"tasks handed to {vendor.kind} vendor {vendor.vendor_id}",
        filter_subjects=[vendor.subject(event) for event in DELIVERED],
        ack_policy=AckPolicy.EXPLICIT,
        deliver_policy=DeliverPolicy.ALL,
        max_deliver=max_deliver,
        ack_wait=ack_wait,
    )


class JetStreamSettings(msgspec.Struct, frozen=True, kw_only=True):
    """How the deployment provisions JetStream (``WICT_`` variables, read by ``provision``)."""

    stream_replicas: int = 1  # 3 on a 3-node cluster
    max_deliver: int = 10  # then the message is a dead letter
    # well below the venue's 30 s step deadline: a message in flight to a participant that crashed or
    # lost its link is redelivered while the saga still waits for it
    ack_wait_seconds: float = 10.0


async def provision(
    nats_url: str | list[str],
    settings: JetStreamSettings | None = None,
    vendors: Sequence[Vendor] | None = None,
) -> None:
    """Create or update every stream and durable consumer, one per known vendor too; safe to run again.

    ``nats_url`` must carry the credentials of a user allowed everything (the stack's admin); settings
    default to the ``WICT_`` environment.
    """
    settings = settings or load(JetStreamSettings)
    replicas, max_deliver, ack_wait = (
        settings.stream_replicas,
        settings.max_deliver,
        settings.ack_wait_seconds,
    )
    vendors = known_vendors() if vendors is None else vendors
    servers = nats_servers(nats_url) if isinstance(nats_url, str) else nats_url
    connection = await nats.connect(servers, connect_timeout=5, max_reconnect_attempts=5)
    try:
        js = connection.jetstream()
        for stream in STREAMS:
            config = StreamConfig(
                name=stream.name,
                subjects=list(stream.subjects),
                description=stream.description,
                retention=RetentionPolicy.LIMITS,
                storage=StorageType.FILE,
                num_replicas=replicas,
                max_age=MAX_AGE_SECONDS,
                duplicate_window=DUPLICATE_WINDOW_SECONDS,
            )
            try:
                await js.stream_info(stream.name)
                await js.update_stream(config)
            except NotFoundError:
                await js.add_stream(config)
        for consumer in CONSUMERS:
            await js.add_consumer(consumer.stream, consumer_config(consumer, max_deliver, ack_wait))
        for vendor in vendors:
            await js.add_consumer(TASKS, vendor_consumer_config(vendor, max_deliver, ack_wait))
        counts = {"streams": len(STREAMS), "consumers": len(CONSUMERS), "vendor_consumers": len(vendors)}
        log.info("jetstream provisioned", extra={"fields": counts})
    finally:
        await connection.close()
