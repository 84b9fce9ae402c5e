"""asyncpg pools: JSON codecs on every connection, a patient first connect, and a release without a
round trip.

asyncpg's default release runs ``Connection.reset()``: one more round trip per use of a pooled
connection (``SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL``), about 40 % of the
statements the services sent. It undoes session state: session advisory locks, cursors kept open
past their transaction (WITH HOLD), LISTEN, and settings changed with plain ``SET``. Our code makes
none of these on a pooled connection (transaction-scoped locks and ``SET LOCAL`` end with their
transaction; ``shared/tests/test_pool_reset.py`` checks the code and the pool); the one use that does,
the migrations' session lock, resets its connection itself (``reset_session``). What asyncpg always does
on release stays: an open or failed transaction is rolled back, listeners are dropped.
"""

from __future__ import annotations

import asyncio
import logging
import time

import asyncpg
import msgspec

from shared.db.traced import TracedConnection

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


async def _keep_clean_session(connection: asyncpg.Connection) -> None:
    """Release without a round trip: asyncpg has already rolled back any open transaction (see above).
    The checkout's span ends here (``shared/db/traced.py``)."""
    if isinstance(connection, TracedConnection):
        connection.finish()


async def reset_session(connection: asyncpg.Connection) -> None:
    """asyncpg's full reset, for the rare use that changes session state on a pooled connection."""
    await connection.execute(connection.get_reset_query())


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
                reset=_keep_clean_session,
                connection_class=TracedConnection,
            )
            assert pool is not None
            return pool
        except (OSError, asyncpg.CannotConnectNowError, asyncpg.InvalidCatalogNameError) as error:
            if time.monotonic() > deadline:
                raise
            log.info("database not ready yet: %s", type(error).__name__)
            await asyncio.sleep(0.5)
