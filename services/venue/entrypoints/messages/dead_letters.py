"""The venue follows the dead letters: a saga message a consumer gave up on compensates its saga at once.

Bound to the provisioned ``venue-dead-letters`` consumer of DEAD_LETTERS (shared by every venue instance
through its deliver group). The advisory names the original by stream and sequence; the venue reads it
there (its NATS user may read the streams its saga messages live in) to learn the booking and the step.
The dead letter stays for ops to replay or discard.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

import nats
from nats.aio.msg import Msg
from opentelemetry import trace

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.catalog import Catalog
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.dead_letters import give_up_step
from shared.config import ServiceConfig, nats_servers
from shared.loops import every
from shared.messaging.broker import login_options
from shared.messaging.consumer import redelivery_delay
from shared.messaging.dead_letters import DeadLetters, dead_letter, parse_advisory
from shared.messaging.streams import DEAD_LETTERS, consumers_of

log = logging.getLogger(__name__)

SAGA_STREAMS = ("INTERPRETING", "CATERING")  # where the saga's commands and the answers to them live


async def follow_dead_letters(
    config: ServiceConfig,
    database: VenueDatabase,
    catalog: Catalog,
    settings: SagaSettings,
    tracer: trace.Tracer,
    retry_seconds: float = 1.0,
) -> None:
    """Forever: hand each dead letter of a saga message to ``give_up_step``; reconnect after failures."""
    follow = partial(_follow, config, database, catalog, settings, tracer)
    await every(retry_seconds, follow, name="dead letters")


async def _follow(
    config: ServiceConfig,
    database: VenueDatabase,
    catalog: Catalog,
    settings: SagaSettings,
    tracer: trace.Tracer,
) -> None:
    """Connect, subscribe, and handle advisories until the connection fails or the loop is cancelled."""
    consumer = next(c for c in consumers_of("venue") if c.stream == DEAD_LETTERS)
    connection = await nats.connect(
        nats_servers(config.nats_url),
        name=f"venue-dead-letters-{config.instance_id}",
        max_reconnect_attempts=-1,
        reconnect_time_wait=1,
        **login_options(config),
    )
    try:
        js = connection.jetstream()
        on_advisory = partial(
            _handle,
            letters=DeadLetters(js),
            database=database,
            catalog=catalog,
            settings=settings,
            tracer=tracer,
        )
        await js.subscribe(
            consumer.filter_subject,
            queue=consumer.durable,
            durable=consumer.durable,
            stream=consumer.stream,
            cb=on_advisory,
            manual_ack=True,
        )
        await asyncio.Event().wait()  # the subscription works until the loop is cancelled
    finally:
        await connection.close()


async def _handle(
    message: Msg,
    letters: DeadLetters,
    database: VenueDatabase,
    catalog: Catalog,
    settings: SagaSettings,
    tracer: trace.Tracer,
) -> None:
    try:
        advisory = parse_advisory(message.data)
    except ValueError:
        await message.ack()  # not a give-up advisory: nothing to compensate
        return
    try:
        if advisory.stream in SAGA_STREAMS:
            original = await letters.original_of(advisory)
            if original is not None:  # aged out: no saga is still waiting on it
                letter = dead_letter(message.metadata.sequence.stream, advisory, original.subject)
                await give_up_step(database, catalog, settings, tracer, letter, original)
        await message.ack()
    except Exception:
        log.exception("dead letter not handled, redelivering")
        await message.nak(delay=redelivery_delay(message.metadata.num_delivered))
