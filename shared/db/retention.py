"""SQL of the retention jobs every service with messaging runs: the inbox's old rows (``shared/retention.py``)."""

from __future__ import annotations

from datetime import datetime

import asyncpg

# one batch per statement, so a large backlog never holds a long transaction or many locks
_PURGE_INBOX = """
DELETE FROM inbox WHERE ctid = ANY(ARRAY(
    SELECT ctid FROM inbox WHERE handled_at < $1 ORDER BY handled_at LIMIT $2
))
"""


async def purge_inbox(pool: asyncpg.Pool, handled_before: datetime, batch: int) -> int:
    """Delete up to ``batch`` inbox rows handled before ``handled_before``; the number deleted."""
    status = await pool.execute(_PURGE_INBOX, handled_before, batch)
    return int(status.split()[-1])
