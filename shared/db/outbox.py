"""SQL of the outbox relay: claim a batch of committed rows left behind, delete rows once published.

``claim`` locks the rows with SKIP LOCKED, so several instances share the work without publishing a row
twice at the same time; both run in the relay's transaction, which holds the locks until the delete.
"""

from __future__ import annotations

import asyncpg

_CLAIM = """
SELECT seq, subject, payload, headers FROM outbox WHERE created_at <= now() - $2::float8 * interval '1 second'
ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED
"""


async def claim(
    connection: asyncpg.Connection, batch_size: int, min_age: float = 0.0
) -> list[asyncpg.Record]:
    """Up to ``batch_size`` of the oldest rows no other relay holds, locked until the transaction ends;
    only rows at least ``min_age`` seconds old (younger ones are being published by the relay of the
    instance that committed them)."""
    return await connection.fetch(_CLAIM, batch_size, min_age)


async def delete(connection: asyncpg.Connection | asyncpg.Pool, seqs: list[int]) -> None:
    """Remove the published rows."""
    await connection.execute("DELETE FROM outbox WHERE seq = ANY($1::bigint[])", seqs)


async def backlog(pool: asyncpg.Pool) -> int:
    """Rows committed and not yet published (the ``wict.outbox.backlog`` gauge)."""
    return int(await pool.fetchval("SELECT count(*) FROM outbox"))
