"""One-time links, refresh tokens and API keys: how they are made, stored and judged. Pure.

Each is 256 random bits shown once and stored only as its SHA-256: the secrets are random, so a plain
hash suffices (a password needs a slow hash because people choose it; these are never chosen).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from enum import StrEnum

LINK_PREFIX = "wl_"  # one-time links (in e-mails)
REFRESH_PREFIX = "wr_"  # refresh tokens
KEY_PREFIX_LENGTH = 12  # "wict_" and 7 characters: shown in the list of keys, to tell them apart


class Purpose(StrEnum):
    VERIFY = "verify"  # sign-up: the address is the person's
    SIGN_IN = "sign_in"  # a one-time sign-in link
    RESET = "reset"  # set a new password


class LinkState(StrEnum):
    USABLE = "usable"
    USED = "used"
    SUPERSEDED = "superseded"  # a newer link of the same purpose was sent
    EXPIRED = "expired"


def new_secret(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def secret_hash(secret: str) -> bytes:
    return hashlib.sha256(secret.encode()).digest()


def key_prefix(api_key: str) -> str:
    return api_key[:KEY_PREFIX_LENGTH]


def link_state(
    used_at: datetime | None, superseded_at: datetime | None, expires_at: datetime, now: datetime
) -> LinkState:
    """Whether a one-time link may be used now; a used link says so even after it has expired."""
    if used_at is not None:
        return LinkState.USED
    if superseded_at is not None:
        return LinkState.SUPERSEDED
    if expires_at <= now:
        return LinkState.EXPIRED
    return LinkState.USABLE


LINK_REFUSALS = {
    Purpose.VERIFY: {
        LinkState.USED: "this link was already used: your account is active, sign in",
        LinkState.SUPERSEDED: "a newer link was sent for this sign-up: use the newest e-mail",
        LinkState.EXPIRED: "this link has expired, sign up again",
    },
    Purpose.SIGN_IN: {
        LinkState.USED: "this link was already used: ask for a new sign-in link",
        LinkState.SUPERSEDED: "a newer sign-in link was sent: use the newest e-mail",
        LinkState.EXPIRED: "this link has expired: ask for a new sign-in link",
    },
    Purpose.RESET: {
        LinkState.USED: "this link was already used: ask for a new password reset",
        LinkState.SUPERSEDED: "a newer reset link was sent: use the newest e-mail",
        LinkState.EXPIRED: "this link has expired: ask for a new password reset",
    },
}


class RefreshState(StrEnum):
    USABLE = "usable"
    REUSED = "reused"  # rotated already: someone else holds a copy, the session is revoked
    SESSION_ENDED = "session_ended"  # signed out, revoked, or the account's sessions were ended
    EXPIRED = "expired"


def refresh_state(
    rotated_at: datetime | None, expires_at: datetime, session_revoked_at: datetime | None, now: datetime
) -> RefreshState:
    if session_revoked_at is not None:
        return RefreshState.SESSION_ENDED
    if rotated_at is not None:
        return RefreshState.REUSED
    if expires_at <= now:
        return RefreshState.EXPIRED
    return RefreshState.USABLE
