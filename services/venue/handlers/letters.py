"""Use cases of invitation letters on the staff's side: approve (which renders, seals and issues), refuse,
revoke. Every decision is audited with ids and the letter's number, never the guest's name or passport."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from services.venue.adapters.letter_pdf import LetterContent, LetterFont, Letterhead, Unprintable, render
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal
from services.venue.domain.booking import Violation
from services.venue.domain.guests import mask
from services.venue.domain.letters import (
    LetterAction,
    LetterFacts,
    LetterStatus,
    facts_document,
    letter_number,
    new_verification_code,
    next_status,
    printed_code,
    refusal,
)
from services.venue.domain.sealing import KeyRing, Sealed, guest_field, letter_field
from services.venue.handlers.errors import Conflict, Invalid, NotFound


@dataclass(frozen=True)
class LetterSettings:
    letterhead: Letterhead
    zone: ZoneInfo
    spaces: Mapping[str, str]  # space id -> the name printed on the letter
    font: LetterFont = field(default_factory=LetterFont)


@dataclass(frozen=True)
class Issued:
    letter_id: uuid.UUID
    number: str
    code: str  # printed form; shown once to staff, e-mailed to the guest with the PDF's link
    facts: LetterFacts


def _opened(keys: KeyRing, row: dict[str, Any], name: str, column: str) -> str:
    blob = row[column]
    if blob is None or row["key_id"] is None:
        raise Conflict(f"the guest's {name.replace('_', ' ')} is missing: a letter needs it")
    return keys.open(
        Sealed(row["key_id"], blob), guest_field(row["booking_id"], row["registration_id"], name)
    )


def _letter(
    keys: KeyRing, settings: LetterSettings, row: dict[str, Any], number: str, code: str, now: datetime
) -> tuple[LetterContent, LetterFacts]:
    """What the PDF prints (the passport number in full) and what verification shows (masked)."""
    passport = _opened(keys, row, "passport_number", "passport_sealed")
    born = date.fromisoformat(_opened(keys, row, "date_of_birth", "birth_date_sealed"))
    starts_on = row["starts_at"].astimezone(settings.zone).date()
    ends_on = row["ends_at"].astimezone(settings.zone).date()
    content = LetterContent(
        number=number,
        code=code,
        issued_on=now.astimezone(settings.zone).date(),
        guest_name=row["full_name"],
        nationality=row["nationality"],
        passport_number=passport,
        date_of_birth=born,
        event=row["title"],
        starts_on=starts_on,
        ends_on=ends_on,
        place=settings.spaces.get(row["space_id"], row["space_id"]),
        inviting_organization=row["organization"],
    )
    facts = LetterFacts(
        number=number,
        status=LetterStatus.ISSUED,
        issued_at=now,
        revoked_at=None,
        guest_name=row["full_name"],
        nationality=row["nationality"],
        passport=mask(passport),
        event=row["title"],
        starts_on=starts_on,
        ends_on=ends_on,
        inviting_organization=row["organization"],
    )
    return content, facts


async def _pdf(settings: LetterSettings, content: LetterContent) -> bytes:
    try:
        return await asyncio.to_thread(render, settings.letterhead, content, settings.font)
    except Unprintable as refused:
        raise Invalid([Violation(refused.field, "has characters the letter's font cannot print")]) from None


async def approve_letter(
    database: VenueDatabase,
    keys: KeyRing,
    settings: LetterSettings,
    principal: Principal,
    letter_id: uuid.UUID,
    now: datetime,
    trace_id: str,
) -> Issued:
    """Issue a requested letter: number, verification code, the PDF rendered (in a thread) and sealed."""
    async with database.transaction() as unit:
        found = await unit.letters.to_issue(letter_id)
        if found is None:
            raise NotFound()
        row = dict(found)
        status = LetterStatus(row["status"])
        if next_status(status, LetterAction.APPROVE) is None:
            raise Conflict(refusal(status, LetterAction.APPROVE))
        number = letter_number(now.year, await unit.letters.next_number())
        code = printed_code(new_verification_code())
        content, facts = _letter(keys, settings, row, number, code, now)
        sealed = keys.seal_bytes(await _pdf(settings, content), letter_field(letter_id, "pdf"))
        code_hash = hashlib.sha256(code.replace("-", "").encode()).digest()
        document = facts_document(facts)
        actor = principal.actor
        await unit.letters.issue(
            letter_id, number, code_hash, document, sealed.key_id, sealed.blob, actor, now
        )
        detail = {
            "letter_id": str(letter_id),
            "number": number,
            "registration_id": str(row["registration_id"]),
        }
        await unit.audit.record(row["booking_id"], actor, "letter issued", detail, trace_id)
    return Issued(letter_id, number, code, facts)
