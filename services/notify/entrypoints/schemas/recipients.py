"""A recipient's settings: webhook endpoints (the secret shown once) and channel preferences."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta


class WebhookCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    url: str
    description: Annotated[str, Meta(max_length=200)] | None = None


class Webhook(msgspec.Struct, frozen=True, kw_only=True):
    id: uuid.UUID
    url: str
    state: str  # active | disabled
    consecutive_failures: int
    created_at: datetime
    last_success_at: datetime | None = None
    last_failure_at: datetime | None = None
    disabled_at: datetime | None = None
    description: str = ""


class WebhookWithSecret(Webhook, frozen=True, kw_only=True):
    secret: str  # shown this once: sign-checking key for X-WICT-Signature
    signature: str = 'X-WICT-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>'


class Preference(msgspec.Struct, frozen=True, kw_only=True):
    channel: str
    non_essential: bool  # false: only essential notices (rejection, cancellation, urgent broadcast) on it
    enabled: bool = True  # the same, as /me/preferences names it


class PreferenceUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    non_essential: bool


class ChannelPreferenceUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Whether you want non-essential notices on the channel (essential ones always go)."""

    enabled: bool


class Preferences(msgspec.Struct, frozen=True, kw_only=True):
    recipient: str
    channels: list[Preference]
    essential_notices: list[str]
