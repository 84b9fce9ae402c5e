"""A transaction, the messages it will publish (outbox) and the messages it has handled (inbox)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import asyncpg
import msgspec

from shared.contracts.base import Message
from shared.telemetry import current_traceparent

_encoder = msgspec.json.Encoder()

_INSERT_OUTBOX = """
INSERT INTO outbox (message_id, subject, payload, headers)
SELECT m, s, p, h::jsonb FROM unnest($1::uuid[], $2::text[], $3::bytea[], $4::text[]) AS t(m, s, p, h)
RETURNING seq, message_id
"""


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """A committed outbox row, as its transaction staged it: handed to the relay to publish at once."""

    seq: int
    subject: str
    payload: bytes
    headers: dict[str, str]


class UnitOfWork:
    """Work done in one transaction; ``publish`` stages a message that commits with it."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection
        self._staged: list[tuple[uuid.UUID, str, bytes, dict[str, str]]] = []

    def publish(self, message: Message, subject: str | None = None) -> None:
        headers = {"Nats-Msg-Id": str(message.message_id), **current_traceparent()}
        if message.causation_id:
            headers["Wict-Causation-Id"] = str(message.causation_id)
        self._staged.append(
            (message.message_id, subject or message.subject, _encoder.encode(message), headers)
        )

    async def claim(self, consumer: str, message_id: uuid.UUID) -> bool:
        """Record that ``consumer`` handles ``message_id`` now; False if it already has."""
        status = await self.connection.execute(
            "INSERT INTO inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            consumer,
            message_id,
        )
        return status.endswith(" 1")

    async def flush(self) -> list[OutboxMessage]:
        """Write the staged messages to the outbox (one statement); what the relay gets after the commit."""
        if not self._staged:
            return []
        staged, self._staged = self._staged, []
        ids, subjects, payloads, headers = zip(*staged, strict=True)
        encoded = [_encoder.encode(h).decode() for h in headers]
        rows = await self.connection.fetch(_INSERT_OUTBOX, list(ids), list(subjects), list(payloads), encoded)
        seqs = {row["message_id"]: row["seq"] for row in rows}
        return sorted(
            (OutboxMessage(seqs[m], s, p, h) for m, s, p, h in staged), key=lambda message: message.seq
        )


_after_commit: ContextVar[list[Callable[[], None]] | None] = ContextVar("after_commit", default=None)


def after_commit(callback: Callable[[], None]) -> None:
    """Run ``callback`` once the current ``Database.transaction`` commits (at once outside one); never
    when it rolls back, so a retried transaction counts (metrics) once."""
    pending = _after_commit.get()
    if pending is None:
        callback()
    else:
        pending.append(callback)


class DatabaseUnavailable(Exception):
    """The connection died under the transaction (the server restarted or went away): nothing committed."""


_CONNECTION_FAILURES = (asyncpg.PostgresError, asyncpg.InterfaceError, asyncpg.InternalClientError, OSError)


def _lost(connection: asyncpg.Connection) -> bool:
    try:
        return connection.is_closed()
    except asyncpg.InterfaceError:  # the pool already detached the dead connection from its proxy
        return True


class Database:
    """The service's pool; ``transaction()`` yields a unit of work and hands what it published to the
    relay once it commits."""

    def __init__(
        self,
        pool: asyncpg.Pool,
        on_commit_with_messages: Callable[[list[OutboxMessage]], None] | None = None,
    ) -> None:
        self.pool = pool
        self._hand_over = on_commit_with_messages

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection; if it dies under the work, ``DatabaseUnavailable`` (the API answers 503)."""
        async with self.pool.acquire() as connection:
            try:
                yield connection
            except _CONNECTION_FAILURES as error:
                if isinstance(error, asyncpg.InternalClientError) and not _lost(connection):
                    # the driver lost track of the protocol (an operation cut off as the server went away,
                    # "another operation is in progress"): the connection is unusable, never hand it out again
                    connection.terminate()
                # whatever asyncpg raised on the way out, a closed connection means the database went away
                if _lost(connection):
                    raise DatabaseUnavailable(type(error).__name__) from error
                raise

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[UnitOfWork]:
        committed: list[Callable[[], None]] = []
        token = _after_commit.set(committed)
        try:
            async with self.connection() as connection, connection.transaction():
                unit = UnitOfWork(connection)
                yield unit
                published = await unit.flush()
        finally:
            _after_commit.reset(token)
        if published and self._hand_over:
            self._hand_over(published)
        for callback in committed:
            callback()
