"""The embedded stack's JetStream streams and consumers, provisioned before any service starts."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import msgspec

from deploy.embedded.nats import NatsServer
from deploy.embedded.nats_cluster import NatsCluster
from shared.config import load
from shared.messaging.streams import JetStreamSettings, provision


def provision_streams(nats: NatsServer | NatsCluster, nodes: int) -> None:
    """Create or update the streams and consumers every service relies on (and the vendors' consumers)."""

    async def provisioned() -> None:
        settings = load(JetStreamSettings)
        if nodes > 1:  # every stream on every node: a quorum survives one node's loss
            settings = msgspec.structs.replace(settings, stream_replicas=nodes)
        await provision(nats.url, settings, vendors=nats.vendors)

    _run(provisioned)


def _run(coroutine_function: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """asyncio.run, also from a thread that already runs an event loop (e.g. an async test)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine_function())
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine_function()).result()
