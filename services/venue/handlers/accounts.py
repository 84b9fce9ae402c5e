"""Use cases of accounts: who a credential belongs to, organizer accounts opened by staff, and the
venue's own staff and ops accounts whose keys (and e-mail addresses) the deployment gives."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from services.venue.adapters.conflicts import KeyTaken
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal, Role
from services.venue.domain.profiles import Profile, profile_problems
from services.venue.handlers.account_refusals import AccountInvalid
from services.venue.handlers.signup import profile_changed


class AccountExists(Exception):
    """An account of that role has the e-mail already."""


async def principal_for_key(database: VenueDatabase, api_key: str) -> Principal | None:
    async with database.autocommit() as unit:
        return await unit.accounts.principal_for_key(api_key)


async def account(database: VenueDatabase, account_id: uuid.UUID) -> Principal | None:
    """The account if it is active (verified and not disabled)."""
    async with database.autocommit() as unit:
        return await unit.accounts.account(account_id)


async def session_account(
    database: VenueDatabase, account_id: uuid.UUID, session_id: uuid.UUID, now: datetime
) -> Principal | None:
    """The account if it is active and the session still live."""
    async with database.autocommit() as unit:
        return await unit.accounts.session_principal(account_id, session_id, now)


async def create_account(
    database: VenueDatabase,
    role: Role,
    fields: dict[str, Any],
    api_key: str,
    label: str,
    now: datetime | None = None,
) -> Profile:
    """A new account with its first API key (shown once, by the caller); AccountExists for a taken e-mail.
    notify hears of it (its contact details, the phone for SMS)."""
    problems = profile_problems({name: fields.get(name) for name in ("phone", "time_zone")})
    if problems:
        raise AccountInvalid(problems)
    try:
        async with database.transaction() as unit:
            account_id = await unit.accounts.create_account(role, fields, api_key, label)
            created = await unit.accounts.profile(account_id)
            assert created is not None
            unit.publish(profile_changed(created, now or created.created_at))
    except KeyTaken:
        raise AccountExists() from None
    return created


async def ensure_bootstrap_accounts(database: VenueDatabase, accounts: dict[Role, tuple[str, str]]) -> None:
    """The venue's own staff and ops accounts, each with the key configured for it (if any) and its
    e-mail address (configured, to receive a password reset link; else ``<role>@venue.local``)."""
    async with database.transaction() as unit:
        for role, (key, email) in accounts.items():
            if key:
                await unit.accounts.ensure_bootstrap_account(role, key, email or f"{role.value}@venue.local")
