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
    """Issue a requested letter: number, verification code, the PDF rendered (in a thread) and sealed.

    The PDF is rendered between a read and the conditional issue, holding no row lock and no pooled
    connection for the seconds the font takes; the issue then checks that neither the letter nor the
    guest's registration changed meanwhile (else 409: approve again)."""
    async with database.autocommit() as unit:
        found = await unit.letters.to_issue(letter_id)
        if found is None:
            raise NotFound()
        row = dict(found)
        _may(LetterStatus(row["status"]), LetterAction.APPROVE)
        number = letter_number(now.year, await unit.letters.next_number())
    code = printed_code(new_verification_code())
    content, facts = _letter(keys, settings, row, number, code, now)
    sealed = keys.seal_bytes(await _pdf(settings, content), letter_field(letter_id, "pdf"))
    code_hash = hashlib.sha256(code.replace("-", "").encode()).digest()
    async with database.transaction() as unit:
        now_row = await unit.letters.to_issue(letter_id, lock=True)
        if now_row is None:
            raise NotFound()
        _may(LetterStatus(now_row["status"]), LetterAction.APPROVE)
        if now_row["updated_at"] != row["updated_at"] or now_row["registration_id"] != row["registration_id"]:
            raise Conflict(
                "the guest changed their registration while the letter was prepared: approve again"
            )
        actor = principal.actor
        document = facts_document(facts)
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


def _may(status: LetterStatus, action: LetterAction) -> None:
    if next_status(status, action) is None:
        raise Conflict(refusal(status, action))


async def refuse_letter(
    database: VenueDatabase,
    principal: Principal,
    letter_id: uuid.UUID,
    reason: str,
    now: datetime,
    trace_id: str,
) -> None:
    """Refuse a requested letter with the staff's reason (shown to the guest)."""
    await _decide(database, principal, letter_id, LetterAction.REFUSE, reason, now, trace_id)


async def revoke_letter(
    database: VenueDatabase,
    principal: Principal,
    letter_id: uuid.UUID,
    reason: str,
    now: datetime,
    trace_id: str,
) -> None:
    """Revoke a requested or issued letter: its PDF is deleted; verification answers it as revoked."""
    await _decide(database, principal, letter_id, LetterAction.REVOKE, reason, now, trace_id)


async def _decide(
    database: VenueDatabase,
    principal: Principal,
    letter_id: uuid.UUID,
    action: LetterAction,
    reason: str,
    now: datetime,
    trace_id: str,
) -> None:
    async with database.transaction() as unit:
        letter = await unit.letters.letter(letter_id, lock=True)
        if letter is None:
            raise NotFound()
        _may(LetterStatus(letter["status"]), action)
        if action is LetterAction.REFUSE:
            await unit.letters.refuse(letter_id, reason, principal.actor, now)
        else:
            await unit.letters.revoke(letter_id, reason, principal.actor, now)
        detail = {"letter_id": str(letter_id), "number": letter["number"]}
        past = "refused" if action is LetterAction.REFUSE else "revoked"
        await unit.audit.record(letter["booking_id"], principal.actor, f"letter {past}", detail, trace_id)


async def letter_queue(database: VenueDatabase, status: LetterStatus, limit: int) -> list[Any]:
    """Letters in ``status``, oldest request first (staff's queue)."""
    async with database.autocommit() as unit:
        return await unit.letters.queue(status.value, limit)


async def staff_pdf(
    database: VenueDatabase,
    keys: KeyRing,
    principal: Principal,
    letter_id: uuid.UUID,
    purpose: str,
    trace_id: str,
) -> tuple[str, bytes]:
    """An issued letter's number and PDF for staff, audited with the purpose in the read's transaction."""
    async with database.transaction() as unit:
        letter = await unit.letters.letter(letter_id)
        sealed = await unit.letters.sealed_pdf(letter_id)
        if letter is None or sealed is None:
            raise NotFound()
        detail = {"letter_id": str(letter_id), "number": letter["number"], "purpose": purpose}
        await unit.audit.record(letter["booking_id"], principal.actor, "letter viewed", detail, trace_id)
    return letter["number"], keys.open_bytes(Sealed(*sealed), letter_field(letter_id, "pdf"))
