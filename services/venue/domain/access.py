"""Who may do what: roles and the ownership rule. Pure."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from enum import StrEnum

KEY_PREFIX = "wict_"


class Role(StrEnum):
    ORGANIZER = "organizer"
    STAFF = "staff"
    OPS = "ops"


@dataclass(frozen=True)
class Principal:
    """The authenticated caller."""

    account_id: uuid.UUID
    role: Role
    name: str
    email: str
    locale: str
    time_zone: str
    phone: str = ""  # E.164, for SMS; empty when the account has none

    @property
    def actor(self) -> str:
        """How the audit log names the caller (an id, never an address)."""
        return f"{self.role.value}:{self.account_id}"

    def may_see(self, organizer_id: uuid.UUID | None) -> bool:
        """Staff and ops see every booking; an organizer only their own."""
        return self.role is not Role.ORGANIZER or organizer_id == self.account_id


def new_api_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def key_hash(api_key: str) -> bytes:
    """Keys are stored hashed; a leaked table does not leak keys."""
    return hashlib.sha256(api_key.encode()).digest()
