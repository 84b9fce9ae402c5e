"""Use cases of accounts: who a credential belongs to, organizer accounts opened by staff, and the
venue's own staff and ops accounts whose keys the deployment gives."""

from __future__ import annotations

import uuid
from typing import Any

from services.venue.adapters.conflicts import KeyTaken
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal, Role


class AccountExists(Exception):
    """An account of that role has the e-mail already."""


async def principal_for_key(database: VenueDatabase, api_key: str) -> Principal | None:
    async with database.autocommit() as unit:
        return await unit.accounts.principal_for_key(api_key)


async def account(database: VenueDatabase, account_id: uuid.UUID) -> Principal | None:
    """The account if it exists and is not disabled."""
    async with database.autocommit() as unit:
        return await unit.accounts.account(account_id)


async def create_account(
    database: VenueDatabase, role: Role, fields: dict[str, Any], api_key: str, label: str
) -> Principal:
    """A new account with its first API key (shown once, by the caller); AccountExists for a taken e-mail."""
    try:
        async with database.transaction() as unit:
            account_id = await unit.accounts.create_account(role, fields, api_key, label)
            created = await unit.accounts.account(account_id)
    except KeyTaken:
        raise AccountExists() from None
    assert created is not None
    return created


async def ensure_bootstrap_accounts(database: VenueDatabase, keys: dict[Role, str]) -> None:
    """The venue's own staff and ops accounts, each with the key configured for it (if any)."""
    async with database.transaction() as unit:
        for role, key in keys.items():
            if key:
                await unit.accounts.ensure_bootstrap_account(role, key)
