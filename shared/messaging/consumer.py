"""Binding a service's durable consumer to its handlers: decode, inbox, transaction, explicit ack.

Ack policy: a message is acked only after its transaction commits. Transient failures (database or
network) are retried in place a few times, then NAKed with a growing delay so JetStream redelivers,
up to the consumer's ``max_deliver``. A payload that cannot be decoded is terminated at once, since
redelivering it cannot help; the reason travels in JetStream's terminated advisory, which the
DEAD_LETTERS stream keeps for ops (as it keeps the advisory of a message that reached ``max_deliver``).
A handler that raises is NAKed with a delay, never terminated.

Identity: on a templated subject (``tasks.{kind}.{vendor_id}.declined``) the subject is what NATS
permissions vouch for, the body only what the sender claims. A body that renders to another subject
(vendor A publishing an answer in vendor B's name) is terminated unread.

Tracing: each handled message gets a ``<subject> process`` span that continues the sender's trace from
the message headers (a redelivery carries the same headers, so it joins the same trace); the handler
runs in the saga's tags: the saga the sender named (``Wict-Saga``) when it is about the body's booking,
else the booking's own saga, at the step the subject belongs to. A message acked unread gets no span.

The subscription itself is plain nats-py (``shared/messaging/subscription.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import string
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import msgspec
from opentelemetry import propagate, trace
from opentelemetry.trace import SpanKind

from shared import faults
from shared.contracts.base import Message
from shared.db.pool import TRANSIENT_ERRORS
from shared.db.unit_of_work import Database, UnitOfWork
from shared.messaging.streams import Consumer
from shared.messaging.subscription import Delivery, Subscriber
from shared.telemetry import SAGA_HEADER, SagaTags, saga_of, saga_scope

log = logging.getLogger(__name__)

MessageT = TypeVar("MessageT", bound=Message)
Handler = Callable[[Any, UnitOfWork], Awaitable[None]]

IN_PLACE_RETRIES = 3
TERM_REASON_MAX = 240  # characters of the terminated advisory's reason


def redelivery_delay(delivered: int) -> float:
    """Seconds before JetStream redelivers a message that failed ``delivered`` times."""
    return float(min(0.25 * 2 ** max(delivered - 1, 0), 30.0))


def subject_matches(template: str, subject: str) -> bool:
    """``tasks.{kind}.{vendor_id}.assigned`` matches ``tasks.catering.caterer-1.assigned``."""
    parts, tokens = template.split("."), subject.split(".")
    return len(parts) == len(tokens) and all(
        part == token or (part.startswith("{") and part.endswith("}"))
        for part, token in zip(parts, tokens, strict=True)
    )


def route_for(subject: str, routes: Mapping[str, Route]) -> Route | None:
    """The route of a subject: exact first, else the contract whose subject template it fits."""
    exact = routes.get(subject)
    if exact is not None:
        return exact
    return next(
        (
            route
            for template, route in routes.items()
            if "{" in template and subject_matches(template, subject)
        ),
        None,
    )


def claimed_subject(template: str, body: object) -> str | None:
    """The subject ``body`` says it belongs on, rendered from ``template`` with the body's own fields.

    None for a fixed subject (nothing to claim); '' when the body lacks a field the template names.
    """
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    if not names:
        return None
    if not all(hasattr(body, name) for name in names):
        return ""
    return template.format(**{name: getattr(body, name) for name in names})


class Route:
    def __init__(self, message_type: type[Message], handler: Handler) -> None:
        self.template = message_type.subject
        self.decoder = msgspec.json.Decoder(message_type)
        self.handler = handler


def bind_consumer(
    consumer: Consumer,
    routes: Mapping[type[Message], Handler],
    database: Database,
    tracer: trace.Tracer,
    concurrency: int = 32,
) -> Subscriber:
    """A subscriber to the provisioned durable ``consumer``, dispatching by subject (``start`` it on the
    service's NATS connection)."""
    by_subject = {
        message_type.subject: Route(message_type, handler) for message_type, handler in routes.items()
    }

    async def on_message(message: Delivery) -> None:
        raw = message.raw_message
        if route_for(raw.subject, by_subject) is None:  # not ours to handle: acked unread, no span
            await message.ack()
            return
        with tracer.start_as_current_span(
            f"{raw.subject} process",
            context=propagate.extract(raw.headers or {}),
            kind=SpanKind.CONSUMER,
            attributes={
                "messaging.system": "nats",
                "messaging.operation": "process",
                "messaging.destination.name": raw.subject,
                "messaging.consumer.group.name": consumer.durable,
                "messaging.message.id": (raw.headers or {}).get("Nats-Msg-Id", ""),
            },
        ):
            await handle(message, consumer.durable, by_subject, database)

    return Subscriber(consumer, on_message, concurrency)


async def terminate(message: Delivery, reason: str) -> None:
    """Stop redelivering ``message``, telling JetStream why (``+TERM <reason>``, nats-server >= 2.10.4).

    nats-py's ``term()`` sends no reason, so the ack is published by hand. The reason lands in the
    MSG_TERMINATED advisory ops read: it names what was wrong, never the payload.
    """
    raw = message.raw_message
    if not raw._ackd and raw.reply:
        await raw._client.publish(raw.reply, b"+TERM " + reason[:TERM_REASON_MAX].encode())
        raw._ackd = True  # reject() below then sends nothing more
    await message.reject()


async def handle(message: Delivery, consumer: str, routes: Mapping[str, Route], database: Database) -> None:
    raw = message.raw_message
    route = route_for(raw.subject, routes)
    if route is None:  # a newer sender's message type, or the service's own task news: not ours to handle
        stated = SagaTags.from_header((raw.headers or {}).get(SAGA_HEADER))
        if stated is not None:  # unread, so only the platform's own senders' word: tag the span with it
            trace.get_current_span().set_attributes(stated.at(step_of(raw.subject)).attributes())
        await message.ack()
        return
    try:
        body = route.decoder.decode(raw.data)
    except (msgspec.DecodeError, msgspec.ValidationError) as error:
        log.error(
            "undecodable message terminated", extra={"fields": {"subject": raw.subject, "error": str(error)}}
        )
        await terminate(message, f"undecodable: {error}")
        return
    claimed = claimed_subject(route.template, body)
    if claimed is not None and claimed != raw.subject:
        log.error(
            "message claims another subject than it came on: terminated",
            extra={
                "fields": {"subject": raw.subject, "claimed": claimed, "message_id": str(body.message_id)}
            },
        )
        await terminate(message, f"forged: the body claims {claimed}")
        return
    saga = message_saga(body, raw.subject, raw.headers)
    with saga_scope(saga) if saga is not None else contextlib.nullcontext():
        await _handle_in_transaction(message, body, route, consumer, database)


def step_of(subject: str) -> str:
    """The saga step a message serves: its participant's, or notify's for the venue's booking events."""
    root, _, rest = subject.partition(".")
    if root == "tasks":  # tasks.<kind>.<vendor_id>.<event>: the vendor side of the participant's step
        return rest.partition(".")[0]
    return _STEP_OF_ROOT.get(root, "")


_STEP_OF_ROOT = {"interpreting": "interpreting", "catering": "catering", "venue": "notify"}


def message_saga(body: Message, subject: str, headers: Mapping[str, str] | None) -> SagaTags | None:
    """The saga the sender named (``Wict-Saga``) if it is about the body's booking, else the booking's
    own saga; the step from the subject. A vendor cannot tag another booking's saga. None for a message
    about no booking (an account event)."""
    if body.booking_id is None:
        return None
    return saga_of(headers, body.booking_id).at(step_of(subject))


async def _handle_in_transaction(
    message: Delivery, body: Any, route: Route, consumer: str, database: Database
) -> None:
    raw = message.raw_message
    fields = {
        "subject": raw.subject,
        "message_id": str(body.message_id),
        "booking_id": str(body.booking_id) if body.booking_id else None,
    }
    for attempt in range(1, IN_PLACE_RETRIES + 1):
        try:
            async with database.transaction() as unit:
                if await unit.claim(consumer, body.message_id):
                    await route.handler(body, unit)
            faults.reached("consumer.after_commit", raw.subject)
            await message.ack()
            return
        except TRANSIENT_ERRORS as error:
            if attempt == IN_PLACE_RETRIES:
                delay = redelivery_delay(raw.metadata.num_delivered)
                log.warning(
                    "transient failure, redelivering",
                    extra={"fields": {**fields, "error": type(error).__name__}},
                )
                await message.nack(delay=delay)
                return
            await asyncio.sleep(0.01 * attempt)
        except Exception:
            log.exception("handler failed, redelivering", extra={"fields": fields})
            await message.nack(delay=redelivery_delay(raw.metadata.num_delivered))
            return
