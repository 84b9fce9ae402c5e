"""Types of accounts (a person's own, and the staff's view of organizers), API keys and access tokens."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from services.venue.entrypoints.schemas.common import CountryCode, Email, Locale, Text

Phone = Annotated[
    str, Meta(max_length=20, description="E.164: + country code and number, e.g. +8613812345678")
]
TimeZone = Annotated[str, Meta(min_length=1, max_length=64, description="IANA name, e.g. Asia/Shanghai")]
PlatformLocale = Literal["zh-CN", "en"]
Organization = Annotated[str, Meta(max_length=200)]


class OrganizerCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A new organizer account (staff only); its API key is shown once in the answer."""

    name: Text
    email: Email
    locale: Locale = "en"
    time_zone: TimeZone = "Asia/Shanghai"
    organization: Organization | None = None
    phone: Phone | None = None
    country: CountryCode | None = None  # the organization's country (ISO 3166-1 alpha-2): reports count by it


class Account(msgspec.Struct, frozen=True, kw_only=True):
    account_id: uuid.UUID
    role: str  # organizer | staff | ops
    name: str
    email: str
    locale: str
    time_zone: str
    organization: str | None = None
    phone: str | None = None
    elder_mode: bool = False
    status: str = "active"  # active | pending | disabled
    created_at: datetime | None = None


class AccountUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The fields to change; ``null`` clears organization or phone."""

    name: Text | msgspec.UnsetType = msgspec.UNSET
    organization: Organization | msgspec.UnsetType | None = msgspec.UNSET
    phone: Phone | msgspec.UnsetType | None = msgspec.UNSET
    locale: PlatformLocale | msgspec.UnsetType = msgspec.UNSET
    time_zone: TimeZone | msgspec.UnsetType = msgspec.UNSET
    elder_mode: bool | msgspec.UnsetType = msgspec.UNSET


class AccountCreated(msgspec.Struct, frozen=True, kw_only=True):
    account: Account
    api_key: str


class OrganizerCounts(msgspec.Struct, frozen=True, kw_only=True):
    bookings: int  # every booking, whatever its status
    upcoming: int  # option, pending or confirmed, not ended yet
    by_status: dict[str, int]
    api_keys: int
    live_sessions: int


class Organizer(Account, frozen=True, kw_only=True):
    """An organizer as staff see them; ``counts`` on GET /organizers/{account_id} (their bookings are
    listed by GET /bookings?organizer_id=)."""

    counts: OrganizerCounts | None = None


class ApiKey(msgspec.Struct, frozen=True, kw_only=True):
    key_id: uuid.UUID
    name: str
    prefix: str  # the key's first characters, to tell keys apart
    created_at: datetime
    last_used_at: datetime | None = None  # to the nearest half minute or so


class ApiKeyCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    name: Annotated[str, Meta(min_length=1, max_length=100)]


class ApiKeyCreated(msgspec.Struct, frozen=True, kw_only=True):
    key: ApiKey
    api_key: str  # shown this once


class AccessToken(msgspec.Struct, frozen=True, kw_only=True):
    access_token: str
    token_type: str
    expires_in: int  # seconds
    expires_at: datetime
