"""A guest's personal link: one person, one event; it stops working when the event ends, when the organizer
revokes it, or when the guest withdraws. Pure.

The link carries 32 random bytes; only their SHA-256 is kept, so a copy of the database opens no
registration. A refused link gets one answer whatever the reason, so nobody learns whether an address
was invited.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

SECRET_BYTES = 32
REFUSED = "this link is not valid any more"
USABLE = ("invited", "registered")
MAX_SENDS = 6  # the first e-mail and five re-sends


def new_link_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)  # 43 characters of base64url


def link_hash(secret: str) -> bytes:
    return hashlib.sha256(secret.encode()).digest()


def link_refusal(status: str | None, expires_at: datetime | None, now: datetime) -> str | None:
    """None when the link opens its invitation; else the one refusal (unknown, revoked, withdrawn, expired)."""
    if status not in USABLE or expires_at is None or expires_at <= now:
        return REFUSED
    return None


def resend_refusal(status: str, sent_count: int) -> str | None:
    if status != "invited":
        return f"the guest has {'registered' if status == 'registered' else 'no link any more'}: nothing to re-send"
    if sent_count >= MAX_SENDS:
        return "the link has been sent six times: ask the guest to check their spam folder"
    return None
