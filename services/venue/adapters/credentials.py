"""SQL for what proves who someone is, besides a password: one-time links, sessions with their refresh
tokens, and API keys. Secrets arrive here hashed (``domain.credentials``) and are stored only so.

Whatever revokes credentials also says so on PostgreSQL's ``wict_credentials`` channel (delivered at
commit), so every venue instance drops what it has cached about them at once.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

CHANGES_CHANNEL = "wict_credentials"


class CredentialRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def add_link(
        self, account_id: uuid.UUID, purpose: str, token_hash: bytes, expires_at: datetime, now: datetime
    ) -> None:
        """A new one-time link; the account's open links of the same purpose are superseded by it."""
        await self.connection.execute(
            "UPDATE account_links SET superseded_at = $3 WHERE account_id = $1 AND purpose = $2"
            " AND used_at IS NULL AND superseded_at IS NULL",
            account_id,
            purpose,
            now,
        )
        await self.connection.execute(
            "INSERT INTO account_links (token_hash, account_id, purpose, created_at, expires_at)"
            " VALUES ($1, $2, $3, $4, $5)",
            token_hash,
            account_id,
            purpose,
            now,
            expires_at,
        )

    async def link(self, token_hash: bytes, purpose: str) -> asyncpg.Record | None:
        """The link (locked for this transaction), if it was made for ``purpose``."""
        return await self.connection.fetchrow(
            "SELECT * FROM account_links WHERE token_hash = $1 AND purpose = $2 FOR UPDATE",
            token_hash,
            purpose,
        )

    async def use_link(self, token_hash: bytes, now: datetime) -> None:
        await self.connection.execute(
            "UPDATE account_links SET used_at = $2 WHERE token_hash = $1", token_hash, now
        )

    async def open_session(
        self,
        account_id: uuid.UUID,
        session_id: uuid.UUID,
        refresh_hash: bytes,
        expires_at: datetime,
        now: datetime,
    ) -> None:
        await self.connection.execute(
            "INSERT INTO sessions (id, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
            session_id,
            account_id,
            now,
            expires_at,
        )
        await self._add_refresh(session_id, refresh_hash, expires_at, now)

    async def _add_refresh(
        self, session_id: uuid.UUID, refresh_hash: bytes, expires_at: datetime, now: datetime
    ) -> None:
        await self.connection.execute(
            "INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
            refresh_hash,
            session_id,
            now,
            expires_at,
        )

    async def refresh_token(self, token_hash: bytes) -> asyncpg.Record | None:
        """The refresh token with its session and account (the token locked for this transaction)."""
        return await self.connection.fetchrow(
            "SELECT r.token_hash, r.rotated_at, r.expires_at, s.id AS session_id, s.revoked_at AS session_revoked_at,"
            " s.account_id FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id"
            " WHERE r.token_hash = $1 FOR UPDATE OF r",
            token_hash,
        )

    async def rotate(
        self, old_hash: bytes, new_hash: bytes, session_id: uuid.UUID, expires_at: datetime, now: datetime
    ) -> None:
        await self.connection.execute(
            "UPDATE refresh_tokens SET rotated_at = $2 WHERE token_hash = $1", old_hash, now
        )
        await self.connection.execute(
            "UPDATE sessions SET refreshed_at = $2, expires_at = $3 WHERE id = $1",
            session_id,
            now,
            expires_at,
        )
        await self._add_refresh(session_id, new_hash, expires_at, now)

    async def revoke_session(self, session_id: uuid.UUID, reason: str, now: datetime) -> None:
        await self.connection.execute(
            "UPDATE sessions SET revoked_at = $3, revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL",
            session_id,
            reason,
            now,
        )
        await self.announce(f"session:{session_id}")

    async def revoke_sessions(self, account_id: uuid.UUID, reason: str, now: datetime) -> int:
        """End every live session of the account; how many there were."""
        status = await self.connection.execute(
            "UPDATE sessions SET revoked_at = $3, revoked_reason = $2 WHERE account_id = $1 AND revoked_at IS NULL",
            account_id,
            reason,
            now,
        )
        await self.announce(f"account:{account_id}")
        return int(status.rsplit(" ", 1)[-1])

    async def live_sessions(self, account_id: uuid.UUID, now: datetime) -> int:
        count: int = await self.connection.fetchval(
            "SELECT count(*) FROM sessions WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > $2",
            account_id,
            now,
        )
        return count

    async def api_keys(self, account_id: uuid.UUID) -> list[asyncpg.Record]:
        """The account's keys that are not revoked, oldest first."""
        return await self.connection.fetch(
            "SELECT id, label, prefix, created_at, last_used_at FROM api_keys"
            " WHERE account_id = $1 AND revoked_at IS NULL ORDER BY created_at, id",
            account_id,
        )

    async def revoke_api_key(self, account_id: uuid.UUID, key_id: uuid.UUID, now: datetime) -> bytes | None:
        """Revoke one of the account's keys; its hash, or None if the account has no such live key."""
        revoked: bytes | None = await self.connection.fetchval(
            "UPDATE api_keys SET revoked_at = $3 WHERE id = $2 AND account_id = $1 AND revoked_at IS NULL"
            " RETURNING key_hash",
            account_id,
            key_id,
            now,
        )
        if revoked is not None:
            await self.announce(f"key:{revoked.hex()}")
        return revoked

    async def announce(self, change: str) -> None:
        """Tell every venue instance (at commit) to forget what it cached about ``change``."""
        await self.connection.execute("SELECT pg_notify($1, $2)", CHANGES_CHANNEL, change)

    async def purge_expired(self, before: datetime) -> int:
        """Delete links and sessions that expired before ``before`` (kept a while to answer "expired")."""
        links = await self.connection.execute("DELETE FROM account_links WHERE expires_at < $1", before)
        sessions = await self.connection.execute("DELETE FROM sessions WHERE expires_at < $1", before)
        return int(links.rsplit(" ", 1)[-1]) + int(sessions.rsplit(" ", 1)[-1])
