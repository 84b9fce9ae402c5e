"""SQL for Idempotency-Key answers (idempotent_requests): the first answer to a POST, kept for repeats.

Each statement runs on its own pooled connection (autocommit): the middleware waits on a first
request's answer between them, and must hold no connection while it does. Keeping or forgetting an
answer NOTIFYs ``wict_idempotent_answers`` with the key's digest: repeats waiting in any instance wake
(``AnswerWaiters``, fed by one LISTENing connection per instance) instead of polling the table.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import asyncpg

ANSWERS_CHANNEL = "wict_idempotent_answers"


def digest(scope_key: str) -> str:
    """What a notification names: the scope key (credential digest, path, key) hashed once more."""
    return hashlib.sha256(scope_key.encode()).hexdigest()


class AnswerWaiters:
    """The repeats of this instance waiting for a first answer, woken by its notification."""

    def __init__(self) -> None:
        self._waiting: dict[str, set[asyncio.Event]] = {}

    @contextmanager
    def waiting(self, scope_key: str) -> Iterator[asyncio.Event]:
        """An event set when the answer for ``scope_key`` is kept or forgotten (register before reading)."""
        event, key = asyncio.Event(), digest(scope_key)
        self._waiting.setdefault(key, set()).add(event)
        try:
            yield event
        finally:
            events = self._waiting.get(key, set())
            events.discard(event)
            if not events:
                self._waiting.pop(key, None)

    def heard(self, key_digest: str) -> None:
        for event in self._waiting.get(key_digest, ()):
            event.set()

    def wake_all(self) -> None:
        """After (re)connecting the listener: what was notified meanwhile is unknown, so everyone looks."""
        for events in self._waiting.values():
            for event in events:
                event.set()


_KEEP = f"""
WITH kept AS (
    UPDATE idempotent_requests SET status = $2, headers = $3, body = $4 WHERE scope_key = $1 RETURNING scope_key
)
SELECT pg_notify('{ANSWERS_CHANNEL}', $5) FROM kept
"""
_FORGET = f"""
WITH gone AS (DELETE FROM idempotent_requests WHERE scope_key = $1 RETURNING scope_key)
SELECT pg_notify('{ANSWERS_CHANNEL}', $2) FROM gone
"""
_PURGE = """
DELETE FROM idempotent_requests WHERE scope_key = ANY(ARRAY(
    SELECT scope_key FROM idempotent_requests WHERE created_at < $1 ORDER BY created_at LIMIT $2
))
"""


class IdempotentRequests:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self.waiters = AnswerWaiters()

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
        await self.pool.execute(_KEEP, scope_key, status, headers, body, digest(scope_key))

    async def forget(self, scope_key: str) -> None:
        """The first request failed (5xx) or was not authenticated: a repeat may try again."""
        await self.pool.execute(_FORGET, scope_key, digest(scope_key))

    async def find(self, scope_key: str) -> Any:
        """The kept answer (status None while the first request is still running), or None."""
        return await self.pool.fetchrow("SELECT * FROM idempotent_requests WHERE scope_key = $1", scope_key)

    async def purge(self, created_before: datetime, batch: int) -> int:
        """Delete up to ``batch`` answers first asked for before ``created_before``; the number deleted."""
        status = await self.pool.execute(_PURGE, created_before, batch)
        return int(status.split()[-1])
