"""SQL for Idempotency-Key answers (idempotent_requests): the first answer to a POST, kept for repeats.

Each statement runs on its own pooled connection (autocommit): the middleware waits on a first
request's answer between them, and must hold no connection while it does.
"""

from __future__ import annotations

from typing import Any

import asyncpg


class IdempotentRequests:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def claim(self, scope_key: str, request_hash: str) -> bool:
        """True for the first request with this key (it answers and keeps its answer), False for a repeat."""
        first = await self.pool.fetchval(
            "INSERT INTO idempotent_requests (scope_key, request_hash) VALUES ($1, $2)"
            " ON CONFLICT DO NOTHING RETURNING true",
            scope_key,
            request_hash,
        )
        return bool(first)

    async def keep(self, scope_key: str, status: int, headers: list[list[str]], body: bytes) -> None:
        await self.pool.execute(
            "UPDATE idempotent_requests SET status = $2, headers = $3, body = $4 WHERE scope_key = $1",
            scope_key,
            status,
            headers,
            body,
        )

    async def forget(self, scope_key: str) -> None:
        """The first request failed (5xx): a repeat may try again."""
        await self.pool.execute("DELETE FROM idempotent_requests WHERE scope_key = $1", scope_key)

    async def find(self, scope_key: str) -> Any:
        """The kept answer (status None while the first request is still running), or None."""
        return await self.pool.fetchrow("SELECT * FROM idempotent_requests WHERE scope_key = $1", scope_key)
