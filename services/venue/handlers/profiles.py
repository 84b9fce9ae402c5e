"""A person's own account: their profile and their API keys (shown once, stored hashed)."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import Any

from services.venue.adapters.conflicts import KeyTaken
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import new_api_key
from services.venue.domain.profiles import Profile, profile_problems
from services.venue.handlers.account_refusals import AccountInvalid, NotFound
from services.venue.handlers.signup import profile_changed

log = logging.getLogger(__name__)

MAX_API_KEYS = 20


async def profile(database: VenueDatabase, account_id: uuid.UUID) -> Profile:
    async with database.autocommit() as unit:
        found = await unit.accounts.profile(account_id)
    if found is None:
        raise NotFound()
    return found


async def update_profile(
    database: VenueDatabase, account_id: uuid.UUID, changes: dict[str, Any], now: datetime
) -> Profile:
    """Change the given fields (None clears organization or phone); notify hears the new contact details."""
    problems = profile_problems(changes)
    problems += [
        (field, "must not be empty")
        for field in ("name", "locale", "time_zone", "elder_mode")
        if field in changes and changes[field] is None
    ]
    if problems:
        raise AccountInvalid(problems)
    async with database.transaction() as unit:
        updated = await unit.accounts.update_profile(account_id, changes)
        if updated is None:
            raise NotFound()
        await unit.credentials.announce(f"account:{account_id}")  # cached principals carry the profile
        unit.publish(profile_changed(updated, now))
    return updated


async def api_keys(database: VenueDatabase, account_id: uuid.UUID) -> list[Any]:
    async with database.autocommit() as unit:
        return await unit.credentials.api_keys(account_id)


async def create_api_key(database: VenueDatabase, account_id: uuid.UUID, name: str) -> tuple[Any, str]:
    """A new named key; the key itself is returned this once (only its hash is kept)."""
    api_key = new_api_key()
    async with database.transaction() as unit:
        if len(await unit.credentials.api_keys(account_id)) >= MAX_API_KEYS:
            raise AccountInvalid([("name", f"an account has at most {MAX_API_KEYS} keys: revoke one first")])
        row = await unit.accounts.add_key(account_id, api_key, name.strip())
    if row is None:  # 256 random bits met an existing key
        raise KeyTaken()
    log.info("api key created", extra={"fields": {"account_id": str(account_id), "key_id": str(row["id"])}})
    return row, api_key


async def revoke_api_key(
    database: VenueDatabase, account_id: uuid.UUID, key_id: uuid.UUID, now: datetime
) -> bytes:
    """Revoke one of the account's own keys; NotFound for another's, or an unknown or revoked one."""
    async with database.transaction() as unit:
        revoked = await unit.credentials.revoke_api_key(account_id, key_id, now)
    if revoked is None:
        raise NotFound()
    log.info("api key revoked", extra={"fields": {"account_id": str(account_id), "key_id": str(key_id)}})
    return revoked
