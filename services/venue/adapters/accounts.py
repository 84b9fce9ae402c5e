"""SQL for accounts and their API keys."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from services.venue.adapters.conflicts import KeyTaken
from services.venue.domain.access import Principal, Role, key_hash


class AccountRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def principal_for_key(self, api_key: str) -> Principal | None:
        row = await self.connection.fetchrow(
            "SELECT a.id, a.role, a.name, a.email, a.locale, a.time_zone FROM api_keys k"
            " JOIN accounts a ON a.id = k.account_id"
            " WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND a.disabled_at IS NULL",
            key_hash(api_key),
        )
        return _principal(row) if row else None

    async def account(self, account_id: uuid.UUID) -> Principal | None:
        row = await self.connection.fetchrow(
            "SELECT id, role, name, email, locale, time_zone FROM accounts WHERE id = $1 AND disabled_at IS NULL",
            account_id,
        )
        return _principal(row) if row else None

    async def create_account(self, role: Role, fields: dict[str, Any], api_key: str, label: str) -> uuid.UUID:
        """A new account and its first key; ``KeyTaken`` if the e-mail has that role already."""
        account_id = uuid.uuid4()
        try:
            await self.connection.execute(
                "INSERT INTO accounts (id, role, name, email, locale, time_zone, organization, country)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                account_id,
                role.value,
                fields["name"],
                fields["email"],
                fields.get("locale", "en"),
                fields.get("time_zone", "Asia/Shanghai"),
                fields.get("organization"),
                fields.get("country"),
            )
        except asyncpg.UniqueViolationError:
            raise KeyTaken() from None
        await self.add_key(account_id, api_key, label)
        return account_id

    async def add_key(self, account_id: uuid.UUID, api_key: str, label: str) -> None:
        await self.connection.execute(
            "INSERT INTO api_keys (key_hash, account_id, label) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            key_hash(api_key),
            account_id,
            label,
        )

    async def ensure_bootstrap_account(self, role: Role, api_key: str) -> None:
        """The venue's own staff or ops account with a key given by configuration (idempotent)."""
        email = f"{role.value}@venue.local"
        account_id = await self.connection.fetchval(
            "INSERT INTO accounts (id, role, name, email) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT (role, lower(email)) DO UPDATE SET disabled_at = NULL RETURNING id",
            uuid.uuid4(),
            role.value,
            f"Venue {role.value}",
            email,
        )
        await self.add_key(account_id, api_key, "bootstrap")


def _principal(row: asyncpg.Record) -> Principal:
    return Principal(
        account_id=row["id"],
        role=Role(row["role"]),
        name=row["name"],
        email=row["email"],
        locale=row["locale"],
        time_zone=row["time_zone"],
    )
