"""Types of what a guest does through their personal link: the consent text, their registration, their
letter. Passport numbers are answered masked; dates of birth are never answered."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from services.venue.entrypoints.schemas.accounts import Phone
from services.venue.entrypoints.schemas.common import CountryCode, Email
from services.venue.entrypoints.schemas.guests import PassportNumber
from services.venue.entrypoints.schemas.invitations import GuestLocale

Codes = Annotated[list[Annotated[str, Meta(max_length=40)]], Meta(max_length=20)]


class ConsentText(msgspec.Struct, frozen=True, kw_only=True):
    """The consent text to show before registering; send its ``version`` back with the registration."""

    version: str
    locale: Annotated[str, Meta(description="the text's locale (en where the asked one has no text yet)")]
    purpose: str
    kept: str
    retention: str
    recipients: str
    rights: str
    cross_border: Annotated[str, Meta(description="shown to guests whose nationality is not CN")]


class GuestRegistrationUpdate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The whole registration (it replaces the one before). Passport data is required for a letter."""

    full_name: Annotated[
        str, Meta(min_length=1, max_length=200, description="as in the passport's data page")
    ]
    nationality: CountryCode
    locale: GuestLocale
    consent_version: Annotated[str, Meta(max_length=40, description="the version of the consent text shown")]
    consent_locale: GuestLocale | None = None
    email: Email | None = None
    phone: Phone | None = None
    passport_number: PassportNumber | None = None
    date_of_birth: date | None = None
    passport_expires: Annotated[
        date | None, Meta(description="checked against the event's end (required for a letter), not kept")
    ] = None
    dietary: Codes = []
    allergens: Codes = []
    needs: Codes = []
    needs_note: Annotated[str, Meta(max_length=1000)] = ""
    letter_wanted: bool = False


class GuestLetter(msgspec.Struct, frozen=True, kw_only=True):
    letter_id: uuid.UUID
    status: Annotated[str, Meta(description="requested, issued, refused or revoked")]
    number: str | None = None
    requested_at: datetime
    decided_at: datetime | None = None
    reason: Annotated[str | None, Meta(description="why it was refused or revoked")] = None


class GuestRegistration(msgspec.Struct, frozen=True, kw_only=True):
    registration_id: uuid.UUID
    full_name: str
    nationality: str
    email: str | None
    phone: str | None
    locale: str
    passport_number: Annotated[str | None, Meta(description="masked: ••••••1234")] = None
    date_of_birth_given: bool
    dietary: list[str]
    allergens: list[str]
    needs: list[str]
    needs_note: str
    letter_wanted: bool
    consent_version: str
    pass_code: Annotated[str, Meta(description="the check-in pass, grouped for typing at the door")]
    pass_qr: Annotated[str, Meta(description="what the pass's QR code holds (WICT1:<code>)")]


class GuestPage(msgspec.Struct, frozen=True, kw_only=True):
    """Everything the guest's page shows: the event, the invitation, their registration and letter."""

    event_title: str
    starts_at: datetime
    ends_at: datetime
    invited_email: str
    invitation_status: str
    link_expires_at: datetime
    registration: GuestRegistration | None = None
    letter: GuestLetter | None = None
