"""asyncpg pools: JSON codecs on every connection, and a patient first connect."""

from __future__ import annotations

import asyncio
import logging
import time

import asyncpg
import msgspec

log = logging.getLogger(__name__)

TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    asyncpg.SerializationError,
    asyncpg.DeadlockDetectedError,
    asyncpg.CannotConnectNowError,
    asyncpg.ConnectionDoesNotExistError,
    asyncpg.InterfaceError,
    asyncpg.TooManyConnectionsError,
    asyncpg.exceptions.AdminShutdownError,
    ConnectionError,
    OSError,
)


async def _init_connection(connection: asyncpg.Connection) -> None:
    for kind in ("json", "jsonb"):
        await connection.set_type_codec(
            kind,
            schema="pg_catalog",
            encoder=lambda v: msgspec.json.encode(v).decode(),
            decoder=msgspec.json.decode,
        )


async def create_pool(dsn: str, size: int = 16, wait_seconds: float = 30.0) -> asyncpg.Pool:
    """Open a pool, retrying while the server starts or restarts, up to ``wait_seconds``."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            pool = await asyncpg.create_pool(
                dsn,
                min_size=min(2, size),
                max_size=size,
                init=_init_connection,
                command_timeout=30,
                max_inactive_connection_lifetime=60,
            )
            assert pool is not None
            return pool
        except (OSError, asyncpg.CannotConnectNowError, asyncpg.InvalidCatalogNameError) as error:
            if time.monotonic() > deadline:
                raise
            log.info("database not ready yet: %s", type(error).__name__)
            await asyncio.sleep(0.5)
