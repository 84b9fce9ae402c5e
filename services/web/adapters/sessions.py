"""Sessions and wizard drafts in the web's own PostgreSQL database (the only SQL of the web service)."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import asyncpg

from services.web.domain.session import Session, Tokens
from shared.db.unit_of_work import Database

_COLUMNS = (
    "account_id, role, name, locale, time_zone, elder_mode, access_token, access_expires_at,"
    " refresh_token, refresh_expires_at, expires_at"
)


def _session(row: asyncpg.Record) -> Session:
    return Session(
        account_id=row["account_id"],
        role=row["role"],
        name=row["name"],
        locale=row["locale"],
        time_zone=row["time_zone"],
        elder_mode=row["elder_mode"],
        tokens=Tokens(
            access_token=row["access_token"],
            access_expires_at=row["access_expires_at"],
            refresh_token=row["refresh_token"],
            refresh_expires_at=row["refresh_expires_at"],
        ),
        expires_at=row["expires_at"],
    )


class SessionStore:
    def __init__(self, database: Database) -> None:
        self.database = database

    async def load(self, key: bytes) -> Session | None:
        async with self.database.connection() as connection:
            row = await connection.fetchrow(f"SELECT {_COLUMNS} FROM sessions WHERE id_hash = $1", key)
        return _session(row) if row else None

    async def create(self, key: bytes, session: Session) -> None:
        tokens = session.tokens
        async with self.database.connection() as connection:
            await connection.execute(
                f"INSERT INTO sessions (id_hash, {_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)",
                key,
                session.account_id,
                session.role,
                session.name,
                session.locale,
                session.time_zone,
                session.elder_mode,
                tokens.access_token,
                tokens.access_expires_at,
                tokens.refresh_token,
                tokens.refresh_expires_at,
                session.expires_at,
            )

    async def touch(self, key: bytes, expires_at: datetime) -> None:
        async with self.database.connection() as connection:
            await connection.execute(
                "UPDATE sessions SET last_seen_at = now(), expires_at = $2 WHERE id_hash = $1",
                key,
                expires_at,
            )

    async def update_person(self, key: bytes, **fields: Any) -> None:
        """name, locale, time_zone or elder_mode, after the person changed them."""
        allowed = {"name", "locale", "time_zone", "elder_mode"}
        chosen = {name: value for name, value in fields.items() if name in allowed and value is not None}
        if not chosen:
            return
        assignments = ", ".join(f"{name} = ${index}" for index, name in enumerate(chosen, start=2))
        async with self.database.connection() as connection:
            await connection.execute(
                f"UPDATE sessions SET {assignments} WHERE id_hash = $1", key, *chosen.values()
            )

    @asynccontextmanager
    async def renewing(self, key: bytes) -> AsyncIterator[tuple[Session | None, Any]]:
        """The session row locked (one renewal at a time across requests and instances) and a
        ``save(tokens)`` that stores renewed tokens before the lock is let go."""
        async with self.database.connection() as connection, connection.transaction():
            row = await connection.fetchrow(
                f"SELECT {_COLUMNS} FROM sessions WHERE id_hash = $1 FOR UPDATE", key
            )

            async def save(tokens: Tokens) -> None:
                await connection.execute(
                    "UPDATE sessions SET access_token = $2, access_expires_at = $3, refresh_token = $4,"
                    " refresh_expires_at = $5 WHERE id_hash = $1",
                    key,
                    tokens.access_token,
                    tokens.access_expires_at,
                    tokens.refresh_token,
                    tokens.refresh_expires_at,
                )

            yield (_session(row) if row else None), save

    async def delete(self, key: bytes) -> None:
        async with self.database.connection() as connection:
            await connection.execute("DELETE FROM sessions WHERE id_hash = $1", key)

    async def delete_account(self, account_id: uuid.UUID) -> None:
        async with self.database.connection() as connection:
            await connection.execute("DELETE FROM sessions WHERE account_id = $1", account_id)

    async def purge(self, now: datetime) -> int:
        """Delete ended sessions (their drafts go with them); the retention rule's sweep."""
        async with self.database.connection() as connection:
            deleted = await connection.fetch(
                "DELETE FROM sessions WHERE expires_at <= $1 OR (access_expires_at <= $1 AND"
                " (refresh_token IS NULL OR refresh_expires_at <= $1)) RETURNING 1",
                now,
            )
        return len(deleted)

    async def draft(self, key: bytes) -> dict[str, str]:
        async with self.database.connection() as connection:
            answers = await connection.fetchval("SELECT answers FROM drafts WHERE session_hash = $1", key)
        return json.loads(answers) if answers else {}

    async def save_draft(self, key: bytes, answers: dict[str, str]) -> None:
        async with self.database.connection() as connection:
            await connection.execute(
                "INSERT INTO drafts (session_hash, answers) VALUES ($1, $2::jsonb)"
                " ON CONFLICT (session_hash) DO UPDATE SET answers = EXCLUDED.answers, updated_at = now()",
                key,
                json.dumps(answers),
            )

    async def clear_draft(self, key: bytes) -> None:
        async with self.database.connection() as connection:
            await connection.execute("DELETE FROM drafts WHERE session_hash = $1", key)
