"""Core NATS request/reply: a service answers requests on a subject (wildcards allowed) in a queue group,
so every instance shares the requests and each request gets one answer. No stream: a request nobody
answers in time simply times out at the requester.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Responder:
    """Answers requests on ``subject``: ``answer(subject the request came on, request body) -> reply body``."""

    subject: str
    queue: str
    answer: Callable[[str, bytes], Awaitable[bytes]]


async def serve(connection: Client, responders: Sequence[Responder]) -> list[Subscription]:
    """Subscribe every responder; each request is answered on its reply subject (or dropped if it has none)."""
    subscriptions = []
    for responder in responders:

        async def on_request(request: Msg, responder: Responder = responder) -> None:
            if not request.reply:
                return
            try:
                reply = await responder.answer(request.subject, request.data)
            except Exception:  # the requester times out; the next request may well succeed
                log.exception("request not answered", extra={"fields": {"subject": request.subject}})
                return
            await request.respond(reply)

        subscriptions.append(
            await connection.subscribe(responder.subject, queue=responder.queue, cb=on_request)
        )
    return subscriptions
