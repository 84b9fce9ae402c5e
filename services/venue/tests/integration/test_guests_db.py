"""Guest lists on a real PostgreSQL: sealed at rest, replaced atomically, every read audited in its own
transaction, and purged (at once for a cancelled booking, after the retention for a held one)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

import pytest

from services.venue.domain.access import Role
from services.venue.domain.guests import Guest, Purpose
from services.venue.domain.sealing import Unreadable, new_key_entry, parse_keys
from services.venue.handlers import guests
from services.venue.handlers.errors import Conflict, Invalid, NotFound
from services.venue.tests.integration.addon_support import audit_actions, insert_booking, new_account

pytestmark = pytest.mark.integration

KEYS = parse_keys(new_key_entry("k1"))
RETENTION = timedelta(days=30)
NOW = datetime.now(UTC)


def party(tag: str) -> list[Guest]:
    return [
        Guest(f"Sarah Jones {tag}", "AU", f"PA{tag}1234", date(1984, 6, 1)),
        Guest(f"Tan Mei Ling {tag}", "MY", f"A{tag}98765"),
        Guest(f"Li Wei {tag}", "CN"),
    ]


async def setup(database, days_ahead: int = 20):
    ann = await new_account(database.pool, Role.ORGANIZER)
    staff = await new_account(database.pool, Role.STAFF, "Sam")
    starts = NOW + timedelta(days=days_ahead)
    booking_id = await insert_booking(database.pool, ann, starts, starts + timedelta(hours=3), units=())
    return ann, staff, booking_id


async def test_numbers_and_birth_dates_are_sealed_in_the_table_and_shown_masked(database):
    ann, staff, booking_id = await setup(database)
    shown = await guests.replace_guests(database, KEYS, ann, booking_id, party("77"), NOW, "t1")
    assert [g.passport_number for g in shown.guests] == ["••••••1234", "••••••8765", None]

    rows = await database.pool.fetch(
        "SELECT b::text AS row, b.* FROM booking_guests b WHERE booking_id = $1", booking_id
    )
    assert len(rows) == 3 and all(row["key_id"] in ("k1", None) for row in rows)
    for number in ("PA771234", "A7798765", "1984-06-01"):
        assert all(number not in row["row"] for row in rows)  # the text form, bytea as hex included
        assert all(number.encode() not in (row["passport_sealed"] or b"") for row in rows)
        assert all(number.encode().hex() not in row["row"] for row in rows)
    assert rows[0]["full_name"] == "Sarah Jones 77"  # names are kept readable: the door needs them
    assert rows[2]["passport_sealed"] is None and rows[2]["key_id"] is None

    masked = await guests.read_guests(database, KEYS, ann, booking_id, None, "t2")
    assert [(g.full_name, g.passport_number, g.date_of_birth) for g in masked.guests] == [
        ("Sarah Jones 77", "••••••1234", None),
        ("Tan Mei Ling 77", "••••••8765", None),
        ("Li Wei 77", None, None),
    ]
    revealed = await guests.read_guests(database, KEYS, staff, booking_id, Purpose.ACCESS_CONTROL, "t3")
    assert [(g.passport_number, g.date_of_birth) for g in revealed.guests] == [
        ("PA771234", date(1984, 6, 1)),
        ("A7798765", None),
        (None, None),
    ]
    assert await audit_actions(database.pool, booking_id) == [
        "guests replaced",
        "guests read",
        "guests revealed",
    ]
    reveal = await database.pool.fetchrow(
        "SELECT * FROM audit_log WHERE booking_id = $1 AND action = 'guests revealed'", booking_id
    )
    assert reveal["actor"] == staff.actor and reveal["trace_id"] == "t3"
    assert reveal["detail"] == {
        "purpose": "access_control",
        "guests": 3,
        "passports": 2,
        "fields": ["passport_number", "date_of_birth"],
    }


async def test_a_ciphertext_moved_to_another_guest_does_not_open_and_the_failed_read_is_not_audited(database):
    ann, staff, booking_id = await setup(database)
    await guests.replace_guests(database, KEYS, ann, booking_id, party("55"), NOW, "t1")
    await database.pool.execute(
        "UPDATE booking_guests SET key_id = 'k1', passport_sealed ="
        " (SELECT passport_sealed FROM booking_guests WHERE booking_id = $1 AND position = 0)"
        " WHERE booking_id = $1 AND position = 2",
        booking_id,
    )
    with pytest.raises(Unreadable):
        await guests.read_guests(database, KEYS, staff, booking_id, Purpose.INCIDENT_RESPONSE, "t2")
    with pytest.raises(Unreadable):  # a ring without the sealing key: same
        await guests.read_guests(database, parse_keys(new_key_entry("k2")), ann, booking_id, None, "t3")
    assert await audit_actions(database.pool, booking_id) == ["guests replaced"]


async def test_a_replacement_is_all_or_nothing_and_limited_to_the_attendees(database):
    ann, _, booking_id = await setup(database)
    await guests.replace_guests(database, KEYS, ann, booking_id, party("11"), NOW, "t1")
    with pytest.raises(Invalid) as refused:
        await guests.replace_guests(
            database, KEYS, ann, booking_id, [*party("22"), Guest("X", "AU", "bad!")], NOW, "t2"
        )
    assert "bad!" not in str(refused.value)
    with pytest.raises(Invalid):
        await guests.replace_guests(database, KEYS, ann, booking_id, [Guest("G", "AU")] * 51, NOW, "t3")
    kept = await guests.read_guests(database, KEYS, ann, booking_id, None, "t4")
    assert [g.full_name for g in kept.guests] == ["Sarah Jones 11", "Tan Mei Ling 11", "Li Wei 11"]

    again = await guests.replace_guests(database, KEYS, ann, booking_id, party("11"), NOW, "t5")
    assert [g.full_name for g in again.guests] == [g.full_name for g in kept.guests]  # idempotent
    assert (
        await database.pool.fetchval("SELECT count(*) FROM booking_guests WHERE booking_id = $1", booking_id)
        == 3
    )


async def test_concurrent_replacements_leave_one_whole_list(database):
    ann, _, booking_id = await setup(database)
    await asyncio.gather(
        *(
            guests.replace_guests(database, KEYS, ann, booking_id, party(tag), NOW, tag)
            for tag in ("31", "32", "33")
        )
    )
    names = [
        g.full_name for g in (await guests.read_guests(database, KEYS, ann, booking_id, None, "t")).guests
    ]
    assert len(names) == 3 and len({name.rsplit(" ", 1)[1] for name in names}) == 1


async def test_another_organizer_neither_reads_nor_writes_and_leaves_no_audit(database):
    _, _, booking_id = await setup(database)
    bob = await new_account(database.pool, Role.ORGANIZER, "Bob")
    with pytest.raises(NotFound):
        await guests.replace_guests(database, KEYS, bob, booking_id, party("1"), NOW, "t1")
    with pytest.raises(NotFound):
        await guests.read_guests(database, KEYS, bob, booking_id, None, "t2")
    assert await audit_actions(database.pool, booking_id) == []


async def test_purge_at_once_for_a_cancelled_booking_and_after_the_retention_for_a_held_one(database):
    _, staff, soon = await setup(database, days_ahead=5)
    _, _, held_long_ago = await setup(database, days_ahead=6)
    _, _, held_recently = await setup(database, days_ahead=7)
    for booking_id in (soon, held_long_ago, held_recently):
        await guests.replace_guests(database, KEYS, staff, booking_id, party("42"), NOW, "t")
    await database.pool.execute(
        "UPDATE bookings SET status = 'cancelled', phase = 'cancelled' WHERE id = $1", soon
    )
    for booking_id, days_ago in ((held_long_ago, 31), (held_recently, 29)):  # events held in the past
        await database.pool.execute(
            "UPDATE bookings SET starts_at = $2, ends_at = $3 WHERE id = $1",
            booking_id,
            NOW - timedelta(days=days_ago, hours=3),
            NOW - timedelta(days=days_ago),
        )

    while await guests.purge_one(database, RETENTION, NOW):
        pass

    left = await database.pool.fetch("SELECT DISTINCT booking_id FROM booking_guests")
    assert [row["booking_id"] for row in left] == [held_recently]
    purges = await database.pool.fetch(
        "SELECT booking_id, actor, detail FROM audit_log WHERE action = 'guests purged' ORDER BY id"
    )
    assert {(row["booking_id"], row["detail"]["reason"], row["detail"]["guests"]) for row in purges} == {
        (soon, "cancelled", 3),
        (held_long_ago, "retention", 3),
    }
    assert {row["actor"] for row in purges} == {guests.SYSTEM}
    assert not await guests.purge_one(database, RETENTION, NOW)  # nothing left due, nothing purged twice

    after = await guests.read_guests(database, KEYS, staff, held_long_ago, Purpose.LEGAL_OBLIGATION, "t")
    assert after.guests == [] and after.purged_at is not None
    with pytest.raises(Conflict):
        await guests.replace_guests(database, KEYS, staff, soon, party("43"), NOW, "t")

    listed = await guests.guest_data_accesses(database, None, "guests purged", None, 10)
    assert [row["booking_id"] for row in listed] == [held_long_ago, soon]  # newest first
    page = await guests.guest_data_accesses(database, held_long_ago, None, None, 2)
    older = await guests.guest_data_accesses(database, held_long_ago, None, page[-1]["id"], 10)
    assert [row["action"] for row in page + older] == ["guests revealed", "guests purged", "guests replaced"]
