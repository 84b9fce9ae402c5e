"""Hearing about revoked credentials: every venue instance LISTENs on ``wict_credentials`` (see
``credentials.py``) on a connection of its own, and hands each change to a callback."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import asyncpg

from services.venue.adapters.credentials import CHANGES_CHANNEL
from shared.db.pool import reset_session


async def listen(
    pool: asyncpg.Pool, on_change: Callable[[str], None], on_connect: Callable[[], None]
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

        await connection.add_listener(CHANGES_CHANNEL, heard)
        on_connect()
        try:
            while not broken.is_set():
                try:
                    await asyncio.wait_for(broken.wait(), timeout=30)
                except TimeoutError:
                    await connection.fetchval("SELECT 1")  # a dead peer shows only when we speak
        finally:
            if not connection.is_closed():
                await connection.remove_listener(CHANGES_CHANNEL, heard)
                await reset_session(connection)  # the pool does not UNLISTEN for us (shared/db/pool.py)
