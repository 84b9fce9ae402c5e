"""NATS for ops: the lag of every durable consumer and the dead letters, over the venue's ops login.

The venue's own NATS user may touch only its own consumers (deploy/permissions.py); ops
connect as the ``ops`` user (WICT_OPS_NATS_USER / WICT_OPS_NATS_PASSWORD), which may read every durable's
info, read single messages of every stream, delete dead letters and publish replays, and nothing else.
Unset, the venue's own login is tried (enough on a server without authorization). One short-lived
connection per request: ops calls are rare, and nothing lingers when NATS is away.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import nats
from nats.js import JetStreamContext
from nats.js.errors import NotFoundError

from shared.config import nats_servers
from shared.messaging.streams import CONSUMERS, DEAD_LETTERS

REQUEST_SECONDS = 3.0


class OpsNatsUnavailable(Exception):
    """NATS could not be reached, or refused the ops login or request (the message says which)."""


@dataclass(frozen=True)
class ConsumerLag:
    service: str
    stream: str
    durable: str
    num_pending: int  # in the stream, not yet delivered
    num_ack_pending: int  # delivered, not yet acknowledged
    num_redelivered: int
    bound: bool  # some instance of the service listens (push consumer with interest)


def ops_login(config: Any) -> dict[str, str]:
    user, password = (
        (config.ops_nats_user, config.ops_nats_password)
        if config.ops_nats_user
        else (config.nats_user, config.nats_password)
    )
    return {"user": user, "password": password} if user else {}


@asynccontextmanager
async def ops_jetstream(config: Any) -> AsyncIterator[JetStreamContext]:
    """A JetStream context over a fresh ops connection; ``OpsNatsUnavailable`` if NATS says no."""
    refusals: list[str] = []

    async def on_error(error: Exception) -> None:
        refusals.append(str(error))

    try:  # nats-py retries the first connect forever unless max_reconnect_attempts > 0 (0 means no limit)
        connection = await nats.connect(
            nats_servers(config.nats_url),
            name=f"venue-ops-{config.instance_id}",
            connect_timeout=REQUEST_SECONDS,
            allow_reconnect=False,
            max_reconnect_attempts=1,
            reconnect_time_wait=0.2,
            error_cb=on_error,
            **ops_login(config),
        )
    except (OSError, nats.errors.Error) as error:
        raise OpsNatsUnavailable(f"cannot connect to NATS as ops: {type(error).__name__}: {error}") from None
    try:
        yield connection.jetstream(timeout=REQUEST_SECONDS)
    except (
        nats.errors.TimeoutError,
        nats.errors.NoRespondersError,
        nats.errors.ConnectionClosedError,
        OSError,
    ) as error:
        refused = [text for text in refusals if "permissions violation" in text.lower()]
        why = f"refused: {refused[0]}" if refused else f"did not answer ({type(error).__name__})"
        raise OpsNatsUnavailable(
            f"NATS {why}; the venue's ops login is WICT_OPS_NATS_USER; see deploy/permissions.py"
        ) from None
    finally:
        await connection.close()


async def consumer_lag(js: JetStreamContext) -> list[ConsumerLag]:
    """Every provisioned durable consumer of the services, with what waits for it."""
    found = []
    for consumer in CONSUMERS:
        try:
            info = await js.consumer_info(consumer.stream, consumer.durable)
        except NotFoundError:
            raise OpsNatsUnavailable(f"consumer {consumer.durable} is not provisioned") from None
        lag = ConsumerLag(
            service=consumer.service,
            stream=consumer.stream,
            durable=consumer.durable,
            num_pending=info.num_pending or 0,
            num_ack_pending=info.num_ack_pending or 0,
            num_redelivered=info.num_redelivered or 0,
            bound=bool(info.push_bound),
        )
        found.append(lag)
    return found


async def dead_letter_count(js: JetStreamContext) -> int:
    return (await js.stream_info(DEAD_LETTERS)).state.messages
