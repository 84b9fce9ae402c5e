"""Guests' own registrations and their letters on a real PostgreSQL: one invitation per address and
event, the link kept only as a hash, passport data sealed at rest and corrected in place, the first scan
checks in and exactly one of two doors scanning at once wins, live counts per event and hall, withdrawal
deletes the registration; a letter is requested once, issued with a number and a code kept as a hash,
verified only by number and code together, and revoked."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.venue.adapters.letter_pdf import Letterhead
from services.venue.adapters.registrations import SealedRegistration
from services.venue.domain.access import Role
from services.venue.domain.checkin import new_pass_code, printed_pass, qr_payload
from services.venue.domain.guest_links import REFUSED, link_hash, link_refusal, new_link_secret
from services.venue.domain.guests import mask
from services.venue.domain.letters import (
    LetterFacts,
    LetterStatus,
    facts_document,
    facts_shown,
    letter_number,
    new_verification_code,
    printed_code,
)
from services.venue.domain.sealing import Sealed, guest_field, letter_field, new_key_entry, parse_keys
from services.venue.handlers import checkin, guest_link, letter_verification, letters
from services.venue.handlers.errors import AlreadyCheckedIn, Conflict, Invalid, NotFound
from services.venue.tests.integration.addon_support import audit_actions, insert_booking, new_account
from services.venue.tests.letter_tools import letter_tools  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration

KEYS = parse_keys(new_key_entry("k1"))
NOW = datetime.now(UTC).replace(microsecond=0)
PASSPORT = "PA7301942"
LETTERHEAD = Letterhead(
    name_zh="WICT国际文化旅游交流中心",
    name_en="WICT International Culture & Tourism Exchange Venue",
    address_zh="中国重庆市两江新区寸滩国际新城",
    address_en="Cuntan International New Town, Liangjiang New Area, Chongqing, China",
    signatory_zh="主任",
    signatory_en="Director",
    verify_url="https://venue.example/verify",
)


def sealed(
    booking_id: uuid.UUID,
    invitation_id: uuid.UUID | None,
    name: str,
    code: str,
    registration_id: uuid.UUID | None = None,
) -> SealedRegistration:
    registration_id = registration_id or uuid.uuid4()
    passport = KEYS.seal(PASSPORT, guest_field(booking_id, registration_id, "passport_number"))
    born = KEYS.seal(date(1988, 2, 29).isoformat(), guest_field(booking_id, registration_id, "date_of_birth"))
    return SealedRegistration(
        id=registration_id,
        booking_id=booking_id,
        invitation_id=invitation_id,
        full_name=name,
        nationality="VN",
        key_id="k1",
        passport_sealed=passport.blob,
        birth_date_sealed=born.blob,
        phone="+84912345678",
        email="an@example.org",
        locale="vi",
        dietary=["halal"],
        allergens=["peanuts"],
        needs=["wheelchair"],
        needs_note="",
        consent_version="2026-12-01",
        consent_locale="vi",
        consent_at=NOW,
        cross_border=True,
        letter_wanted=True,
        check_code=code,
        walk_in=invitation_id is None,
    )


async def test_invite_register_correct_check_in_twice_count_and_withdraw(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    starts = NOW + timedelta(hours=1)
    booking_id = await insert_booking(database.pool, ann, starts, starts + timedelta(hours=6))
    secret = new_link_secret()
    async with database.transaction() as unit:
        invitation_id = await unit.registrations.invite(
            booking_id, "an@example.org", "vi", link_hash(secret), ann.actor, starts + timedelta(hours=6)
        )
        again = await unit.registrations.invite(
            booking_id, "an@example.org", "en", link_hash(new_link_secret()), ann.actor, starts
        )
    assert invitation_id is not None and again is None  # one person, one link per event

    code = new_pass_code()
    async with database.transaction() as unit:
        opened = await unit.registrations.invitation_by_link(link_hash(secret), lock=True)
        assert opened["id"] == invitation_id and opened["booking_status"] == "confirmed"
        assert link_refusal(opened["status"], opened["expires_at"], NOW) is None
        first = sealed(booking_id, invitation_id, "Nguyen Van An", code)
        assert await unit.registrations.save(first) == first.id
    with pytest.raises(ValueError, match="keep the registration's id"):
        async with database.transaction() as unit:  # sealed under another id, it would never open again
            await unit.registrations.save(sealed(booking_id, invitation_id, "Nguyễn Văn An", new_pass_code()))
    async with database.transaction() as unit:  # a correction keeps the row, its id and its pass
        corrected = sealed(booking_id, invitation_id, "Nguyễn Văn An", new_pass_code(), first.id)
        assert await unit.registrations.save(corrected) == first.id
        stored = await unit.registrations.of_invitation(invitation_id)
    assert stored is not None and (stored.full_name, stored.check_code) == ("Nguyễn Văn An", code)
    context = guest_field(booking_id, first.id, "passport_number")
    assert stored.passport_sealed is not None
    assert KEYS.open(Sealed("k1", stored.passport_sealed), context) == PASSPORT
    dump = await database.pool.fetchval("SELECT string_agg(t::text, '|') FROM guest_registrations t")
    assert PASSPORT not in dump and secret not in dump
    status = await database.pool.fetchval("SELECT status FROM guest_invitations WHERE id = $1", invitation_id)
    assert status == "registered"

    async def scan(space: str, actor: str):
        async with database.transaction() as unit:
            return await unit.registrations.check_in(code, space, actor, NOW)

    doors = await asyncio.gather(scan("hall-a", "staff:li"), scan("hall-b", "staff:wang"))
    assert sorted(door.first for door in doors) == [False, True]  # exactly one door lets the guest in
    winner = next(door for door in doors if door.first)
    later = await scan("hall-c", "staff:zhao")
    assert later is not None and not later.first
    assert (later.checked_in_at, later.checked_in_space, later.checked_in_by) == (
        winner.checked_in_at,
        winner.checked_in_space,
        winner.checked_in_by,
    )
    assert await scan("hall-a", "staff:li") is not None
    async with database.transaction() as unit:
        assert await unit.registrations.check_in(new_pass_code(), "hall-a", "staff:li", NOW) is None
        walk_in = sealed(booking_id, None, "Lee Min-jun", new_pass_code())
        await unit.registrations.save(walk_in)
        counts = await unit.registrations.counts(NOW - timedelta(hours=12), NOW + timedelta(hours=12))
    assert [(row["space"], row["registered"], row["checked_in"], row["walk_ins"]) for row in counts] == [
        (None, 1, 0, 1),
        (winner.checked_in_space, 1, 1, 0),
    ]

    async with database.transaction() as unit:
        assert await unit.registrations.withdraw(invitation_id) == 1
        gone = await unit.registrations.of_invitation(invitation_id)
        after = await unit.registrations.invitation_by_link(link_hash(secret))
    assert gone is None
    assert link_refusal(after["status"], after["expires_at"], NOW) == REFUSED


async def test_a_letter_is_requested_once_issued_verified_by_number_and_code_and_revoked(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    starts = NOW + timedelta(days=20)
    booking_id = await insert_booking(database.pool, ann, starts, starts + timedelta(hours=6))
    guest = sealed(booking_id, None, "Nguyễn Văn An", new_pass_code())
    async with database.transaction() as unit:
        await unit.registrations.save(guest)
        letter_id = await unit.letters.request(guest.id, booking_id)
        assert letter_id is not None
        assert await unit.letters.request(guest.id, booking_id) is None  # one live letter per guest
    code = new_verification_code()
    facts = LetterFacts(
        number=letter_number(NOW.year, 1),
        status=LetterStatus.ISSUED,
        issued_at=NOW,
        revoked_at=None,
        guest_name="Nguyễn Văn An",
        nationality="VN",
        passport=mask(PASSPORT),
        event="Forum",
        starts_on=starts.date(),
        ends_on=starts.date(),
        inviting_organization="Ann's association",
    )
    pdf = KEYS.seal(
        "%PDF-1.4 (the letter, with the passport number " + PASSPORT + ")", letter_field(letter_id, "pdf")
    )
    async with database.transaction() as unit:
        number = letter_number(NOW.year, await unit.letters.next_number())
        assert number == facts.number
        document = facts_document(facts)
        assert await unit.letters.issue(
            letter_id, number, sha256(code), document, "k1", pdf.blob, "staff:li", NOW
        )
        assert not await unit.letters.refuse(letter_id, "too late", "staff:wang", NOW)  # decided already
    async with database.transaction() as unit:
        shown = await unit.letters.verify(number, sha256(code))
        wrong = await unit.letters.verify(number, sha256(new_verification_code()))
        stored_pdf = await unit.letters.sealed_pdf(letter_id)
    assert wrong is None
    assert facts_shown(shown["facts"], shown["status"], shown["revoked_at"]) == facts
    assert stored_pdf is not None
    assert PASSPORT in KEYS.open(Sealed(*stored_pdf), letter_field(letter_id, "pdf"))
    dump = await database.pool.fetchval("SELECT string_agg(t::text, '|') FROM invitation_letters t")
    assert PASSPORT not in dump and code not in dump

    async with database.transaction() as unit:
        assert await unit.letters.revoke(letter_id, "the guest's passport was replaced", "staff:li", NOW)
        assert not await unit.letters.revoke(letter_id, "again", "staff:li", NOW)
        revoked = await unit.letters.verify(number, sha256(code))
        assert await unit.letters.sealed_pdf(letter_id) is None
        assert await unit.letters.request(guest.id, booking_id) is not None  # a new letter may be asked for
    assert revoked["status"] == "revoked" and revoked["revoked_at"] == NOW


def sha256(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


async def test_the_door_checks_in_once_answers_a_second_scan_and_a_consulate_verifies_a_letter(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    sam = await new_account(database.pool, Role.STAFF, "Sam")
    starts = NOW + timedelta(hours=3)
    booking_id = await insert_booking(database.pool, ann, starts, starts + timedelta(hours=6))
    code = new_pass_code()
    async with database.transaction() as unit:
        await unit.registrations.save(sealed(booking_id, None, "Lee Min-jun", code))

    with pytest.raises(Conflict, match="check-in opens at"):
        await checkin.check_in(database, sam, qr_payload(code), "hall-a", NOW, "t1")
    with pytest.raises(Invalid) as unreadable:
        await checkin.check_in(
            database, sam, code[:-1] + ("0" if code[-1] != "0" else "1"), "hall-a", NOW, "t1"
        )
    assert [v.field for v in unreadable.value.violations] == ["code"]
    with pytest.raises(NotFound):
        await checkin.check_in(database, sam, new_pass_code(), "hall-a", NOW, "t1")

    at_the_door = starts - timedelta(minutes=30)
    door = await checkin.check_in(database, sam, printed_pass(code).lower(), "hall-a", at_the_door, "t2")
    assert door.first and (door.checked_in_space, door.checked_in_by) == ("hall-a", sam.actor)
    with pytest.raises(AlreadyCheckedIn) as again:
        await checkin.check_in(
            database, sam, qr_payload(code), "hall-b", at_the_door + timedelta(hours=1), "t3"
        )
    assert (again.value.at, again.value.space, again.value.by) == (at_the_door, "hall-a", sam.actor)
    assert await audit_actions(database.pool, booking_id) == ["guest checked in", "guest scanned again"]

    guest = sealed(booking_id, None, "Nguyễn Văn An", new_pass_code())
    verification = new_verification_code()
    async with database.transaction() as unit:
        await unit.registrations.save(guest)
        letter_id = await unit.letters.request(guest.id, booking_id)
        number = letter_number(NOW.year, await unit.letters.next_number())
        facts = {
            "number": number,
            "issued_at": NOW.isoformat(),
            "guest_name": "Nguyễn Văn An",
            "nationality": "VN",
        }
        facts |= {"passport": mask(PASSPORT), "event": "Forum", "inviting_organization": "Ann's association"}
        facts |= {"starts_on": starts.date().isoformat(), "ends_on": starts.date().isoformat()}
        pdf = KEYS.seal("%PDF-", letter_field(letter_id, "pdf"))
        await unit.letters.issue(
            letter_id, number, sha256(verification), facts, "k1", pdf.blob, sam.actor, NOW
        )
    shown = await letter_verification.verify_letter(
        database, number.lower(), printed_code(verification).lower(), "203.0.113.0/24", "t4"
    )
    assert (shown.number, shown.status, shown.passport, shown.revoked_at) == (
        number,
        "issued",
        mask(PASSPORT),
        None,
    )
    for typed_number, typed_code in (
        (number, new_verification_code()),
        (number, "nonsense"),
        ("WICT-1", verification),
    ):
        with pytest.raises(NotFound):
            await letter_verification.verify_letter(
                database, typed_number, typed_code, "203.0.113.0/24", "t5"
            )
    assert (await audit_actions(database.pool, booking_id))[-1] == "letter verified"
    assert (await audit_actions(database.pool, booking_id)).count("letter verified") == 1


@pytest.mark.usefixtures("letter_tools")
async def test_staff_approval_renders_seals_and_issues_the_letter_that_a_consulate_then_verifies(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    sam = await new_account(database.pool, Role.STAFF, "Sam")
    starts = NOW + timedelta(days=20)
    booking_id = await insert_booking(
        database.pool, ann, starts, starts + timedelta(hours=6), title="东盟文化论坛"
    )
    guest = sealed(booking_id, None, "Nguyễn Văn An", new_pass_code())
    async with database.transaction() as unit:
        await unit.registrations.save(guest)
        letter_id = await unit.letters.request(guest.id, booking_id)
    assert letter_id is not None
    settings = letters.LetterSettings(LETTERHEAD, ZoneInfo("Asia/Shanghai"), {"room-a": "一号厅 Hall 1"})

    issued = await letters.approve_letter(database, KEYS, settings, sam, letter_id, NOW, "t1")
    assert issued.facts.passport == mask(PASSPORT) and issued.facts.event == "东盟文化论坛"
    with pytest.raises(Conflict, match="cannot be approved"):
        await letters.approve_letter(database, KEYS, settings, sam, letter_id, NOW, "t2")

    shown = await letter_verification.verify_letter(
        database, issued.number, issued.code, "198.51.100.0/24", "t3"
    )
    assert shown == issued.facts
    async with database.transaction() as unit:
        stored = await unit.letters.sealed_pdf(letter_id)
    assert stored is not None
    pdf = KEYS.open_bytes(Sealed(*stored), letter_field(letter_id, "pdf"))
    assert pdf.startswith(b"%PDF-") and PASSPORT.encode() not in stored[1]
    assert await audit_actions(database.pool, booking_id) == ["letter issued", "letter verified"]


async def test_withdrawal_deletes_the_registration_revokes_the_letter_ends_the_link_and_is_audited(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    starts = NOW + timedelta(days=20)
    booking_id = await insert_booking(database.pool, ann, starts, starts + timedelta(hours=6))
    secret = new_link_secret()
    verification = new_verification_code()
    async with database.transaction() as unit:
        invitation_id = await unit.registrations.invite(
            booking_id, "an@example.org", "vi", link_hash(secret), ann.actor, starts + timedelta(hours=6)
        )
        guest = sealed(booking_id, invitation_id, "Nguyễn Văn An", new_pass_code())
        await unit.registrations.save(guest)
        letter_id = await unit.letters.request(guest.id, booking_id)
        number = letter_number(NOW.year, await unit.letters.next_number())
        facts = {
            "number": number,
            "issued_at": NOW.isoformat(),
            "guest_name": "Nguyễn Văn An",
            "nationality": "VN",
        }
        facts |= {"passport": mask(PASSPORT), "event": "Forum", "inviting_organization": "Ann's association"}
        facts |= {"starts_on": starts.date().isoformat(), "ends_on": starts.date().isoformat()}
        pdf = KEYS.seal("%PDF-", letter_field(letter_id, "pdf"))
        await unit.letters.issue(
            letter_id, number, sha256(verification), facts, "k1", pdf.blob, "staff:li", NOW
        )

    with pytest.raises(guest_link.LinkRefused):
        await guest_link.withdraw(database, new_link_secret(), NOW, "t0")
    await guest_link.withdraw(database, secret, NOW, "t1")

    rows = await database.pool.fetchval(
        "SELECT count(*) FROM guest_registrations WHERE booking_id = $1", booking_id
    )
    letter = await database.pool.fetchrow("SELECT status, pdf_sealed, reason FROM invitation_letters")
    assert rows == 0
    assert (letter["status"], letter["pdf_sealed"], letter["reason"]) == (
        "revoked",
        None,
        "withdrawn by the guest",
    )
    revoked = await letter_verification.verify_letter(database, number, verification, "192.0.2.0/24", "t2")
    assert revoked.status == "revoked" and revoked.revoked_at == NOW
    detail = await database.pool.fetchval(
        "SELECT detail FROM audit_log WHERE booking_id = $1 AND action = 'guest withdrew'", booking_id
    )
    assert detail == {"invitation_id": str(invitation_id), "registrations": 1, "letters_revoked": 1}
    assert "Nguy" not in str(await database.pool.fetch("SELECT detail FROM audit_log"))
    with pytest.raises(guest_link.LinkRefused):  # the link is over
        await guest_link.withdraw(database, secret, NOW, "t3")
