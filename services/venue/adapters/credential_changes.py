"""Hearing about revoked credentials: every venue instance LISTENs on ``wict_credentials`` (see
``credentials.py``) on a connection of its own, and hands each change to a callback. The same listener
follows other channels (``channel=``): the Idempotency-Key answers kept (``idempotency.py``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import asyncpg

from services.venue.adapters.credentials import CHANGES_CHANNEL
from shared.db.pool import reset_session


async def listen(
    pool: asyncpg.Pool,
    on_change: Callable[[str], None],
    on_connect: Callable[[], None],
    channel: str = CHANGES_CHANNEL,
) -> None:
    """Hold one pooled connection listening until it breaks (then the caller's loop starts again).

    ``on_connect`` runs once listening: whatever changed while nobody listened is unknown, so callers
    forget everything they cached then.
    """
    broken = asyncio.Event()
    async with pool.acquire() as connection:
        connection.add_termination_listener(lambda _: broken.set())

        def heard(_: object, __: int, ___: str, payload: str) -> None:
            on_change(payload)

        await connection.add_listener(channel, heard)
        on_connect()
        try:
            while not broken.is_set():
                try:
                    await asyncio.wait_for(broken.wait(), timeout=30)
                except TimeoutError:
                    await connection.fetchval("SELECT 1")  # a dead peer shows only when we speak
        finally:
            if not connection.is_closed():
                await connection.remove_listener(channel, heard)
                await reset_session(connection)  # the pool does not UNLISTEN for us (shared/db/pool.py)
