"""Types of signing up, signing in (sessions), one-time links and password resets."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from services.venue.entrypoints.schemas.accounts import Account, Organization, Phone, PlatformLocale, TimeZone
from services.venue.entrypoints.schemas.common import Email, Text

Password = Annotated[str, Meta(max_length=1024, description="10 to 256 characters, not a common password")]
OneTimeToken = Annotated[
    str, Meta(min_length=1, max_length=200, description="the token from the e-mailed link")
]


class SignupCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Open an organizer account; it is active once the e-mailed link is used."""

    email: Email
    password: Password
    name: Text
    organization: Organization | None = None
    phone: Phone | None = None
    locale: PlatformLocale
    time_zone: TimeZone


class SignupVerify(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    token: OneTimeToken


class Accepted(msgspec.Struct, frozen=True, kw_only=True):
    """The request was taken; what follows comes by e-mail (if the address has an account, for links)."""

    status: str  # verification_sent | link_sent | reset_sent


class SessionCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    email: Email
    password: Password


class Session(msgspec.Struct, frozen=True, kw_only=True):
    access_token: str
    token_type: str  # Bearer
    expires_in: int  # seconds
    expires_at: datetime
    refresh_token: str  # single use: each refresh answers a new one
    refresh_expires_at: datetime
    account: Account


class SignInLinkCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    email: Email


class SignInLinkVerify(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    token: OneTimeToken


class SessionRefresh(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    refresh_token: Annotated[str, Meta(min_length=1, max_length=200)]


class SessionRevoke(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    refresh_token: Annotated[str, Meta(min_length=1, max_length=200)]


class PasswordResetCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    email: Email


class PasswordResetConfirm(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    token: OneTimeToken
    password: Password
