"""The purge of self-registered guests on a real PostgreSQL: a cancelled booking's guest data goes at once,
an ended one's after the retention, a future one's stays; a letter keeps its number, state and masked facts
(its PDF goes), a requested one is ended; old letter rows go after their own retention; audited with counts."""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta

from services.venue.domain.access import Role
from services.venue.domain.checkin import new_pass_code
from services.venue.domain.guest_links import link_hash, new_link_secret
from services.venue.handlers import guest_purge
from services.venue.tests.integration.addon_support import audit_actions, insert_booking, new_account
from services.venue.tests.integration.test_registrations_db import NOW, sealed

RETENTION = timedelta(days=30)


async def _guest_with_letter(
    database, ann, booking_id, ends_at, letter: str, decided_days_ago: int = 60
) -> uuid.UUID:
    async with database.transaction() as unit:
        invitation_id = await unit.registrations.invite(
            booking_id,
            f"{uuid.uuid4().hex[:6]}@example.org",
            "vi",
            link_hash(new_link_secret()),
            ann.actor,
            ends_at,
        )
        registration = sealed(booking_id, invitation_id, "Nguyễn Văn An", new_pass_code())
        await unit.registrations.save(registration)
        letter_id = await unit.letters.request(registration.id, booking_id)
    if letter == "issued":
        await database.pool.execute(
            "UPDATE invitation_letters SET status = 'issued', number = $2, code_hash = $3, facts = $4,"
            " key_id = 'k1', pdf_sealed = '\\x01'::bytea, decided_at = $5 WHERE id = $1",
            letter_id,
            f"WICT-2026-{uuid.uuid4().int % 10**6:06d}",
            hashlib.sha256(uuid.uuid4().bytes).digest(),
            {"passport": "••••••1942"},
            NOW - timedelta(days=decided_days_ago),
        )
    return letter_id


async def test_guest_data_goes_at_once_when_cancelled_after_the_retention_when_ended_and_letters_keep_facts(
    database,
):
    ann = await new_account(database.pool, Role.ORGANIZER)
    cancelled = await insert_booking(
        database.pool,
        ann,
        NOW + timedelta(days=3),
        NOW + timedelta(days=3, hours=4),
        status="cancelled",
        units=(),
    )
    ended = await insert_booking(
        database.pool, ann, NOW - timedelta(days=40), NOW - timedelta(days=40) + timedelta(hours=4), units=()
    )
    recent = await insert_booking(
        database.pool, ann, NOW - timedelta(days=2), NOW - timedelta(days=2) + timedelta(hours=4), units=()
    )
    requested = await _guest_with_letter(database, ann, cancelled, NOW + timedelta(days=4), "requested")
    issued = await _guest_with_letter(database, ann, ended, NOW - timedelta(days=39), "issued")
    await _guest_with_letter(database, ann, recent, NOW - timedelta(days=1), "issued", decided_days_ago=1)

    purged = 0
    while await guest_purge.purge_registrations_one(database, RETENTION, NOW):
        purged += 1
    assert purged == 2
    remaining = await database.pool.fetch("SELECT booking_id FROM guest_registrations")
    assert [row["booking_id"] for row in remaining] == [recent]
    assert (
        await database.pool.fetchval("SELECT count(*) FROM guest_invitations WHERE booking_id <> $1", recent)
        == 0
    )
    letters = {
        row["id"]: row
        for row in await database.pool.fetch(
            "SELECT id, status, number, facts, pdf_sealed, reason FROM invitation_letters"
        )
    }
    assert (letters[requested]["status"], letters[requested]["reason"]) == ("revoked", "guest data purged")
    kept = letters[issued]
    assert (kept["status"], kept["pdf_sealed"], kept["facts"]) == ("issued", None, {"passport": "••••••1942"})
    assert kept["number"].startswith("WICT-2026-")
    assert "guest registrations purged" in await audit_actions(database.pool, cancelled)
    detail = await database.pool.fetchval(
        "SELECT detail FROM audit_log WHERE booking_id = $1 AND action = 'guest registrations purged'", ended
    )
    assert detail == {
        "registrations": 1,
        "invitations": 1,
        "pdfs": 1,
        "requests_ended": 0,
        "reason": "retention",
    }

    assert not await guest_purge.purge_old_letters(database, timedelta(days=3 * 365), NOW)
    assert (
        await database.pool.fetchval("SELECT count(*) FROM invitation_letters") == 3
    )  # verifiable for years
    assert not await guest_purge.purge_old_letters(database, timedelta(days=30), NOW)
    left = await database.pool.fetch("SELECT id FROM invitation_letters")
    assert issued not in {row["id"] for row in left} and len(left) == 2  # decided 60 days ago: gone
