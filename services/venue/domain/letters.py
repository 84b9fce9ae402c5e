"""Visa invitation letters: their states, numbers, verification codes and what an officer is shown. Pure.

Staff approve a requested letter, which issues it (a number and a code); an issued letter can be revoked.
The verification page shows a letter's facts and state, nothing more: the passport number masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from services.venue.domain.codes import grouped, new_code, read_code
from services.venue.domain.registration import Registration

CODE_LENGTH = 10  # 9 random characters (45 bits) and the check character
NUMBER = re.compile(r"WICT-(\d{4})-(\d{6})")
# A change of any of these after issue would make the letter disagree with the passport.
LETTER_FIELDS = ("full_name", "nationality", "passport_number", "date_of_birth")


class LetterStatus(StrEnum):
    REQUESTED = "requested"
    ISSUED = "issued"
    REFUSED = "refused"
    REVOKED = "revoked"


class LetterAction(StrEnum):
    APPROVE = "approve"
    REFUSE = "refuse"
    REVOKE = "revoke"


_NEXT = {
    (LetterStatus.REQUESTED, LetterAction.APPROVE): LetterStatus.ISSUED,
    (LetterStatus.REQUESTED, LetterAction.REFUSE): LetterStatus.REFUSED,
    (
        LetterStatus.REQUESTED,
        LetterAction.REVOKE,
    ): LetterStatus.REVOKED,  # the guest withdrew before a decision
    (LetterStatus.ISSUED, LetterAction.REVOKE): LetterStatus.REVOKED,
}
LIVE = (LetterStatus.REQUESTED, LetterStatus.ISSUED)  # at most one of these per guest
VERIFIABLE = (LetterStatus.ISSUED, LetterStatus.REVOKED)


def next_status(status: LetterStatus, action: LetterAction) -> LetterStatus | None:
    """The letter's state after ``action``, or None when the action does not apply (see ``refusal``)."""
    return _NEXT.get((status, action))


def refusal(status: LetterStatus, action: LetterAction) -> str:
    """Why ``action`` does not apply to a letter in ``status`` (for a 409)."""
    return f"a {status.value} letter cannot be {_PAST[action]}"


_PAST = {LetterAction.APPROVE: "approved", LetterAction.REFUSE: "refused", LetterAction.REVOKE: "revoked"}


def letter_number(year: int, sequence: int) -> str:
    """``WICT-2026-000123``: the year of issue and the venue's letter sequence (never reused)."""
    if not 1 <= sequence <= 999_999:
        raise ValueError("the letter sequence has run past six digits")
    return f"WICT-{year:04d}-{sequence:06d}"


def read_number(typed: str) -> str | None:
    number = typed.strip().upper()
    return number if NUMBER.fullmatch(number) else None


def new_verification_code() -> str:
    return new_code(CODE_LENGTH - 1)


def read_verification_code(typed: str) -> str | None:
    return read_code(typed, CODE_LENGTH)


def printed_code(code: str) -> str:
    return grouped(code, 5)


def changed_letter_fields(before: Registration, after: Registration) -> list[str]:
    """The fields an issued letter prints that ``after`` changes (the change waits for a revocation)."""
    return [field for field in LETTER_FIELDS if getattr(before, field) != getattr(after, field)]


@dataclass(frozen=True)
class LetterFacts:
    """What a consulate or border officer sees for a letter's number and code; frozen when it is issued."""

    number: str
    status: LetterStatus
    issued_at: datetime
    revoked_at: datetime | None
    guest_name: str
    nationality: str
    passport: str  # masked: ••••••1234
    event: str
    starts_on: date
    ends_on: date
    inviting_organization: str


def facts_document(facts: LetterFacts) -> dict[str, str | None]:
    """The facts as stored with the letter (JSON): dates in ISO 8601, the state left out (it is the row's)."""
    return {
        "number": facts.number,
        "issued_at": facts.issued_at.isoformat(),
        "guest_name": facts.guest_name,
        "nationality": facts.nationality,
        "passport": facts.passport,
        "event": facts.event,
        "starts_on": facts.starts_on.isoformat(),
        "ends_on": facts.ends_on.isoformat(),
        "inviting_organization": facts.inviting_organization,
    }


def facts_shown(document: dict[str, str], status: str, revoked_at: datetime | None) -> LetterFacts:
    """What the verification page shows: the stored facts and the letter's state now."""
    return LetterFacts(
        number=document["number"],
        status=LetterStatus(status),
        issued_at=datetime.fromisoformat(document["issued_at"]),
        revoked_at=revoked_at,
        guest_name=document["guest_name"],
        nationality=document["nationality"],
        passport=document["passport"],
        event=document["event"],
        starts_on=date.fromisoformat(document["starts_on"]),
        ends_on=date.fromisoformat(document["ends_on"]),
        inviting_organization=document["inviting_organization"],
    )
