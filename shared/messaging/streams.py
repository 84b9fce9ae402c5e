"""The JetStream topology, declared once: streams and durable consumers of every service.

Provisioned by the deployment (``provision``) before services start; services bind to the consumers
and never declare or update streams themselves (faststream would merge its own settings over the
server's). A durable consumer's filter cannot change later, so filters are chosen here, once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import nats
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy, RetentionPolicy, StorageType, StreamConfig
from nats.js.errors import NotFoundError

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


STREAMS = (
    Stream("VENUE", ("venue.>",), "booking outcomes announced by the venue"),
    Stream("INTERPRETING", ("interpreting.>",), "commands to and events of the interpreting service"),
    Stream("CATERING", ("catering.>",), "commands to and events of the catering service"),
    Stream("TASKS", ("tasks.>",), "vendor task events, one subject tree per vendor"),
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


def consumer_config(consumer: Consumer, max_deliver: int, ack_wait: float) -> ConsumerConfig:
    # push consumers with a deliver group: every instance of the service joins the group and the
    # server shares the messages out (nats-py's pull fetch loop raises on idle timeouts under faststream)
    return ConsumerConfig(
        durable_name=consumer.durable,
        deliver_subject=f"deliver.{consumer.durable}",
        deliver_group=consumer.durable,
        filter_subject=consumer.filter_subject,
        ack_policy=AckPolicy.EXPLICIT,
        deliver_policy=DeliverPolicy.ALL,
        max_deliver=max_deliver,
        ack_wait=ack_wait,
        max_ack_pending=1024,
    )


async def provision(nats_url: str, replicas: int = 1, max_deliver: int = 10, ack_wait: float = 30.0) -> None:
    """Create or update every stream and durable consumer; safe to run again."""
    connection = await nats.connect(nats_url, connect_timeout=5, max_reconnect_attempts=5)
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
        log.info(
            "jetstream provisioned", extra={"fields": {"streams": len(STREAMS), "consumers": len(CONSUMERS)}}
        )
    finally:
        await connection.close()
