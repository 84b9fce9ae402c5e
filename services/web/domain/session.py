"""A signed-in person's session: who, their venue tokens, and when it ends. Pure rules, no I/O.

The browser holds only an opaque random id (the cookie); the table keeps its SHA-256, so a copy of
the table cannot be replayed as cookies. A session slides: each request moves its end ``idle`` later,
and a person warned that it ends soon can extend it with one click (WCAG 2.2.1, timing adjustable).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

REFRESH_MARGIN = timedelta(seconds=30)  # renew an access token this long before it expires


def new_session_id() -> str:
    """An unguessable cookie value (256 bits)."""
    return secrets.token_urlsafe(32)


def id_hash(session_id: str) -> bytes:
    """What the table stores instead of the cookie value."""
    return hashlib.sha256(session_id.encode()).digest()


def csrf_token(secret: bytes, session_id: str) -> str:
    """The form token of this browser: bound to its cookie, so another site cannot know it."""
    return hmac.new(secret, b"csrf:" + session_id.encode(), hashlib.sha256).hexdigest()


def csrf_valid(secret: bytes, session_id: str, presented: str | None) -> bool:
    return bool(presented) and hmac.compare_digest(csrf_token(secret, session_id), presented or "")


@dataclass(frozen=True, kw_only=True)
class Tokens:
    """The person's venue credentials, as POST /sessions (or POST /tokens) answered them."""

    access_token: str
    access_expires_at: datetime
    refresh_token: str | None = None
    refresh_expires_at: datetime | None = None

    def access_usable(self, now: datetime) -> bool:
        return now + REFRESH_MARGIN < self.access_expires_at

    def refreshable(self, now: datetime) -> bool:
        return bool(self.refresh_token) and (self.refresh_expires_at is None or now < self.refresh_expires_at)


@dataclass(frozen=True, kw_only=True)
class Session:
    account_id: uuid.UUID
    role: str  # organizer | staff | ops
    name: str
    locale: str
    time_zone: str
    elder_mode: bool
    tokens: Tokens
    expires_at: datetime

    def ended(self, now: datetime) -> bool:
        """Idle too long, or no credential left that the venue would take."""
        return now >= self.expires_at or not (self.tokens.access_usable(now) or self.tokens.refreshable(now))

    def ends_soon(self, now: datetime, warning: timedelta) -> bool:
        return not self.ended(now) and self.end(now) - now <= warning

    def end(self, now: datetime) -> datetime:
        """When the session ends if nothing happens: idle end, or the last usable credential's end."""
        credential = self.tokens.refresh_expires_at if self.tokens.refresh_token else None
        last = credential or self.tokens.access_expires_at
        return min(self.expires_at, last)

    def touched(self, now: datetime, idle: timedelta) -> Session:
        return replace(self, expires_at=now + idle)

    def with_tokens(self, tokens: Tokens) -> Session:
        return replace(self, tokens=tokens)

    @property
    def is_staff(self) -> bool:
        return self.role == "staff"

    @property
    def is_ops(self) -> bool:
        return self.role == "ops"
