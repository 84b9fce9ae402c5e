"""Types of accounts and access tokens."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from services.venue.entrypoints.schemas.common import CountryCode, Email, Locale, Text


class OrganizerCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A new organizer account (staff only); its API key is shown once in the answer."""

    name: Text
    email: Email
    locale: Locale = "en"
    time_zone: Annotated[str, Meta(min_length=1, max_length=64)] = "Asia/Shanghai"
    organization: Annotated[str, Meta(max_length=200)] | None = None
    country: CountryCode | None = None  # the organization's country (ISO 3166-1 alpha-2): reports count by it


class Account(msgspec.Struct, frozen=True, kw_only=True):
    account_id: uuid.UUID
    role: str
    name: str
    email: str
    locale: str
    time_zone: str


class AccountCreated(msgspec.Struct, frozen=True, kw_only=True):
    account: Account
    api_key: str


class AccessToken(msgspec.Struct, frozen=True, kw_only=True):
    access_token: str
    token_type: str
    expires_in: int  # seconds
    expires_at: datetime
