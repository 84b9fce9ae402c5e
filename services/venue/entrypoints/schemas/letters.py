"""Types of invitation letters: the staff's queue and decisions, the consulate's verification."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

import msgspec
from msgspec import Meta

Reason = Annotated[str, Meta(min_length=1, max_length=500)]


class LetterRequested(msgspec.Struct, frozen=True, kw_only=True):
    letter_id: uuid.UUID
    status: str = "requested"


class LetterInQueue(msgspec.Struct, frozen=True, kw_only=True):
    letter_id: uuid.UUID
    registration_id: uuid.UUID | None
    booking_id: uuid.UUID
    status: str
    number: str | None = None
    requested_at: datetime
    guest_name: Annotated[
        str | None, Meta(description="as in the passport; null once the guest's data is gone")
    ]
    nationality: str | None
    event_title: str


HalfReason = Annotated[str, Meta(min_length=1, max_length=240)]  # both halves are kept as one reason


class LetterRefusal(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Why staff refuse the letter, in zh-CN and en (the guest reads it)."""

    reason_zh: HalfReason
    reason_en: HalfReason


class LetterRevocation(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    reason: Reason


class LetterIssued(msgspec.Struct, frozen=True, kw_only=True):
    letter_id: uuid.UUID
    number: str
    code: Annotated[str, Meta(description="the verification code (XXXXX-XXXXX), printed on the letter")]
    status: str = "issued"


class LetterDecision(msgspec.Struct, frozen=True, kw_only=True):
    letter_id: uuid.UUID
    status: str


class LetterVerification(msgspec.Struct, frozen=True, kw_only=True):
    """A letter's facts as issued, and whether it still stands (nothing more: the passport is masked)."""

    number: str
    status: Annotated[str, Meta(description="issued, or revoked (then `revoked_at` says when)")]
    issued_at: datetime
    revoked_at: datetime | None = None
    guest_name: str
    nationality: str
    passport: Annotated[str, Meta(description="masked: ••••••1234")]
    event: str
    starts_on: date
    ends_on: date
    inviting_organization: str
