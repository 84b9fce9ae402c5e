"""SQL for accounts: who a credential belongs to, profiles, sign-up, passwords, disabling."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg

from services.venue.adapters.conflicts import KeyTaken
from services.venue.domain.access import Principal, Role, key_hash
from services.venue.domain.credentials import key_prefix
from services.venue.domain.profiles import Profile, account_status

_PRINCIPAL = "a.id, a.role, a.name, a.email, a.locale, a.time_zone, a.phone"
_ACTIVE = "a.disabled_at IS NULL AND a.activated_at IS NOT NULL"
PROFILE_FIELDS = ("name", "organization", "phone", "locale", "time_zone", "elder_mode")


class AccountRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def principal_for_key(self, api_key: str) -> Principal | None:
        """The key's active account; notes the key's use (callers cache the answer, so rarely)."""
        row = await self.connection.fetchrow(
            "WITH used AS (UPDATE api_keys SET last_used_at = now() WHERE key_hash = $1 AND revoked_at IS NULL"
            " RETURNING account_id)"
            f" SELECT {_PRINCIPAL} FROM used JOIN accounts a ON a.id = used.account_id WHERE {_ACTIVE}",
            key_hash(api_key),
        )
        return _principal(row) if row else None

    async def account(self, account_id: uuid.UUID) -> Principal | None:
        """The account if it is active (verified and not disabled)."""
        row = await self.connection.fetchrow(
            f"SELECT {_PRINCIPAL} FROM accounts a WHERE a.id = $1 AND {_ACTIVE}", account_id
        )
        return _principal(row) if row else None

    async def session_principal(
        self, account_id: uuid.UUID, session_id: uuid.UUID, now: datetime
    ) -> Principal | None:
        """The account if it is active and the session is live (not signed out, revoked or expired)."""
        row = await self.connection.fetchrow(
            f"SELECT {_PRINCIPAL} FROM accounts a JOIN sessions s ON s.account_id = a.id"
            f" WHERE a.id = $1 AND s.id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3 AND {_ACTIVE}",
            account_id,
            session_id,
            now,
        )
        return _principal(row) if row else None

    async def create_account(
        self, role: Role, fields: dict[str, Any], api_key: str | None, label: str, active: bool = True
    ) -> uuid.UUID:
        """A new account (and its first key, if given); ``KeyTaken`` if the e-mail has that role already."""
        account_id = uuid.uuid4()
        try:
            await self.connection.execute(
                "INSERT INTO accounts (id, role, name, email, locale, time_zone, organization, phone,"
                " password_hash, activated_at, country) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                " CASE WHEN $10 THEN now() END, $11)",
                account_id,
                role.value,
                fields["name"],
                fields["email"],
                fields.get("locale", "en"),
                fields.get("time_zone", "Asia/Shanghai"),
                fields.get("organization"),
                fields.get("phone"),
                fields.get("password_hash"),
                active,
                fields.get("country"),
            )
        except asyncpg.UniqueViolationError:
            raise KeyTaken() from None
        if api_key:
            await self.add_key(account_id, api_key, label)
        return account_id

    async def add_key(self, account_id: uuid.UUID, api_key: str, label: str) -> asyncpg.Record | None:
        return await self.connection.fetchrow(
            "INSERT INTO api_keys (key_hash, account_id, label, prefix) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT DO NOTHING RETURNING id, label, prefix, created_at, last_used_at",
            key_hash(api_key),
            account_id,
            label,
            key_prefix(api_key),
        )

    async def ensure_bootstrap_account(self, role: Role, api_key: str, email: str) -> None:
        """The venue's own staff or ops account with a key given by configuration (idempotent). A
        configured e-mail address moves the key's account to it (to receive a password reset link)."""
        owner = await self.connection.fetchval(
            "SELECT a.id FROM api_keys k JOIN accounts a ON a.id = k.account_id"
            " WHERE k.key_hash = $1 AND a.role = $2",
            key_hash(api_key),
            role.value,
        )
        if owner is not None:
            await self.connection.execute(
                "UPDATE accounts SET email = $2, disabled_at = NULL, activated_at = coalesce(activated_at, now())"
                " WHERE id = $1",
                owner,
                email,
            )
            return
        account_id = await self.connection.fetchval(
            "INSERT INTO accounts (id, role, name, email) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT (role, lower(email)) DO UPDATE SET disabled_at = NULL RETURNING id",
            uuid.uuid4(),
            role.value,
            f"Venue {role.value}",
            email,
        )
        await self.add_key(account_id, api_key, "bootstrap")

    async def profile(self, account_id: uuid.UUID) -> Profile | None:
        row = await self.connection.fetchrow("SELECT * FROM accounts WHERE id = $1", account_id)
        return profile_of(row) if row else None

    async def update_profile(self, account_id: uuid.UUID, fields: dict[str, Any]) -> Profile | None:
        """Set the given profile fields (None clears organization or phone)."""
        wanted = {name: value for name, value in fields.items() if name in PROFILE_FIELDS}
        assignments = ", ".join(f"{name} = ${index}" for index, name in enumerate(wanted, start=2))
        row = await self.connection.fetchrow(
            f"UPDATE accounts SET {assignments + ', ' if assignments else ''}updated_at = now()"
            " WHERE id = $1 RETURNING *",
            account_id,
            *wanted.values(),
        )
        return profile_of(row) if row else None

    async def with_email(self, email: str) -> list[asyncpg.Record]:
        """Every account of the address (one per role at most), organizers first."""
        return await self.connection.fetch(
            "SELECT * FROM accounts WHERE lower(email) = lower($1) ORDER BY role = 'organizer' DESC, created_at",
            email,
        )

    async def lock(self, account_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow("SELECT * FROM accounts WHERE id = $1 FOR UPDATE", account_id)

    async def replace_pending(self, account_id: uuid.UUID, fields: dict[str, Any]) -> None:
        """A second sign-up before the first was verified: the newest one's details and password count."""
        await self.connection.execute(
            "UPDATE accounts SET name = $2, organization = $3, phone = $4, locale = $5, time_zone = $6,"
            " password_hash = $7, updated_at = now() WHERE id = $1 AND activated_at IS NULL",
            account_id,
            fields["name"],
            fields.get("organization"),
            fields.get("phone"),
            fields["locale"],
            fields["time_zone"],
            fields["password_hash"],
        )

    async def activate(self, account_id: uuid.UUID, now: datetime) -> None:
        await self.connection.execute(
            "UPDATE accounts SET activated_at = coalesce(activated_at, $2), updated_at = $2 WHERE id = $1",
            account_id,
            now,
        )

    async def set_password(self, account_id: uuid.UUID, password_hash: str) -> None:
        await self.connection.execute(
            "UPDATE accounts SET password_hash = $2, updated_at = now() WHERE id = $1",
            account_id,
            password_hash,
        )

    async def set_disabled(
        self, account_id: uuid.UUID, disabled: bool, by: uuid.UUID | None, now: datetime
    ) -> Profile | None:
        row = await self.connection.fetchrow(
            "UPDATE accounts SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, $4) END,"
            " disabled_by = CASE WHEN $2 THEN $3::uuid END, updated_at = $4 WHERE id = $1 RETURNING *",
            account_id,
            disabled,
            by,
            now,
        )
        return profile_of(row) if row else None


def profile_of(row: asyncpg.Record) -> Profile:
    return Profile(
        account_id=row["id"],
        role=row["role"],
        name=row["name"],
        organization=row["organization"],
        email=row["email"],
        phone=row["phone"],
        locale=row["locale"],
        time_zone=row["time_zone"],
        elder_mode=row["elder_mode"],
        status=account_status(row["activated_at"], row["disabled_at"]),
        created_at=row["created_at"],
    )


def _principal(row: asyncpg.Record) -> Principal:
    return Principal(
        account_id=row["id"],
        role=Role(row["role"]),
        name=row["name"],
        email=row["email"],
        locale=row["locale"],
        time_zone=row["time_zone"],
        phone=row["phone"] or "",
    )
