"""Account events the venue announces: e-mails people asked for (with their one-time links), notices about
their account, and a person's contact details as they now are. notify tells the person, in their language.

They concern an account, not a booking: ``booking_id`` is None (no saga). A link is single use and
expires; its secret travels here and in the e-mail only (the venue keeps its hash).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar

from shared.contracts.base import Message
from shared.contracts.venue import Organizer


class AccountEvent(Message, frozen=True, kw_only=True):
    """What every account event says: whose account, and how to reach them (name, address, language)."""

    booking_id: uuid.UUID | None = None  # type: ignore[assignment]  # an account event is about no booking
    account_id: uuid.UUID
    role: str = "organizer"  # organizer | staff | ops
    person: Organizer


class SignupVerificationRequested(AccountEvent, frozen=True, kw_only=True):
    """Someone signed up with this address: the link activates the account."""

    subject: ClassVar[str] = "venue.evt.signup_verification_requested"
    link: str
    expires_at: datetime


class SignupAttempted(AccountEvent, frozen=True, kw_only=True):
    """Someone tried to sign up with an address that has an account: its owner is told (nobody else is)."""

    subject: ClassVar[str] = "venue.evt.signup_attempted"
    sign_in_url: str
    password_reset_url: str


class SignInLinkRequested(AccountEvent, frozen=True, kw_only=True):
    """A one-time sign-in link was asked for."""

    subject: ClassVar[str] = "venue.evt.sign_in_link_requested"
    link: str
    expires_at: datetime


class PasswordResetRequested(AccountEvent, frozen=True, kw_only=True):
    """A password reset was asked for: the link sets a new password."""

    subject: ClassVar[str] = "venue.evt.password_reset_requested"
    link: str
    expires_at: datetime


class PasswordChanged(AccountEvent, frozen=True, kw_only=True):
    """The account's password was set; every session of it was ended."""

    subject: ClassVar[str] = "venue.evt.password_changed"


class AccountDisabled(AccountEvent, frozen=True, kw_only=True):
    """Staff disabled the account: its keys, tokens and sessions no longer work."""

    subject: ClassVar[str] = "venue.evt.account_disabled"


class AccountProfileChanged(AccountEvent, frozen=True, kw_only=True):
    """The account became active or its person changed their details: ``person`` is how they are now
    (notify keeps its contact, phone included, from this rather than from older booking events)."""

    subject: ClassVar[str] = "venue.evt.account_profile_changed"
    elder_mode: bool = False
    active: bool = True


ACCOUNT_EVENTS: tuple[type[AccountEvent], ...] = (
    SignupVerificationRequested,
    SignupAttempted,
    SignInLinkRequested,
    PasswordResetRequested,
    PasswordChanged,
    AccountDisabled,
    AccountProfileChanged,
)
