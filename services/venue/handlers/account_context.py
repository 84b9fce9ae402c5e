"""What the account use cases need besides a command: the database, how long credentials live, the
password hasher and the access-token settings. Passwords are hashed off the event loop, two at a time
(each argon2id hash takes tens of MiB and milliseconds on purpose)."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.account_settings import AccountSettings
from services.venue.domain.passwords import Passwords
from services.venue.domain.profiles import normalized_email
from services.venue.domain.tokens import TokenSettings
from shared.contracts import Organizer

_HASHING_SLOTS = asyncio.Semaphore(2)


@dataclass(frozen=True)
class AccountContext:
    database: VenueDatabase
    settings: AccountSettings
    passwords: Passwords
    tokens: TokenSettings

    async def hash_password(self, password: str) -> str:
        async with _HASHING_SLOTS:
            return await asyncio.to_thread(self.passwords.hash, password)

    async def password_matches(self, stored: str | None, password: str) -> bool:
        async with _HASHING_SLOTS:
            return await asyncio.to_thread(self.passwords.matches, stored, password)


def email_key(email: str) -> str:
    """How the throttles name an address: hashed, never in clear."""
    return "email:" + hashlib.sha256(normalized_email(email).encode()).hexdigest()


def client_key(address: str) -> str:
    return "address:" + hashlib.sha256(address.encode()).hexdigest()


def person_of(row: Any) -> Organizer:
    """The account's person (from an ``accounts`` row or a Profile), as account events carry them."""
    get = row.__getitem__ if hasattr(row, "__getitem__") else row.__getattribute__
    return Organizer(
        name=get("name"),
        email=get("email"),
        locale=get("locale"),
        time_zone=get("time_zone"),
        phone=get("phone") or "",
    )
