"""SQL for the roster, reservations, booth holds, assignments and vendor tasks, on the caller's transaction."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import asyncpg

from services.interpreting.domain.plan import Plan
from services.interpreting.domain.roster import Roster
from services.interpreting.domain.tasks import Seat

RESOURCE_LOCK_CLASS = 0x1B7E  # namespace of the (resource, day) advisory locks


async def seed_roster(connection: asyncpg.Connection, roster: Roster) -> None:
    """Upsert agencies, interpreters and booths; those no longer listed stay (assignments refer to them), inactive."""
    await connection.executemany(
        "INSERT INTO agencies (vendor_id, name) VALUES ($1, $2) ON CONFLICT (vendor_id) DO UPDATE SET name = $2",
        [(agency.vendor_id, agency.name) for agency in roster.agencies],
    )
    await connection.executemany(
        "INSERT INTO interpreters (id, vendor_id, languages, active) VALUES ($1, $2, $3, true)"
        " ON CONFLICT (id) DO UPDATE SET vendor_id = $2, languages = $3, active = true",
        [(i.id, i.vendor_id, i.languages) for i in roster.interpreters],
    )
    await connection.executemany(
        "INSERT INTO booths (id, kind, space_id, active) VALUES ($1, $2, $3, true)"
        " ON CONFLICT (id) DO UPDATE SET kind = $2, space_id = $3, active = true",
        [(booth.id, booth.kind, booth.space_id) for booth in roster.booths],
    )
    for table, ids in (
        ("interpreters", [i.id for i in roster.interpreters]),
        ("booths", [b.id for b in roster.booths]),
    ):
        await connection.execute(f"UPDATE {table} SET active = false WHERE NOT id = ANY($1::text[])", ids)


async def lock_booking(connection: asyncpg.Connection, booking_id: uuid.UUID) -> None:
    """Serialize every command of one booking until the transaction ends."""
    await connection.execute("SELECT pg_advisory_xact_lock(hashtext($1::text))", str(booking_id))


async def lock_resources(connection: asyncpg.Connection, keys: list[str]) -> None:
    """Take the (resource, day) locks in the given order (the two-key form keeps them apart from booking locks)."""
    await connection.execute(
        "SELECT pg_advisory_xact_lock($2, hashtext(k)) FROM (SELECT k FROM unnest($1::text[])"
        " WITH ORDINALITY AS u(k, position) ORDER BY position) AS ordered",
        keys,
        RESOURCE_LOCK_CLASS,
    )


async def reservation(connection: asyncpg.Connection, booking_id: uuid.UUID) -> asyncpg.Record | None:
    return await connection.fetchrow("SELECT * FROM reservations WHERE booking_id = $1", booking_id)


async def insert_held(connection: asyncpg.Connection, booking_id: uuid.UUID, plan: Plan) -> None:
    await connection.execute(
        "INSERT INTO reservations (booking_id, status, space_id, starts_at, ends_at, floor_language,"
        " target_languages, team_per_booth, attendees) VALUES ($1, 'held', $2, $3, $4, $5, $6, $7, $8)",
        booking_id, plan.space_id, plan.starts_at, plan.ends_at, plan.floor_language,
        list(plan.target_languages), plan.team_per_booth, plan.attendees,
    )  # fmt: skip


async def record_outcome(
    connection: asyncpg.Connection, booking_id: uuid.UUID, status: str, reason: str
) -> None:
    """A reservation that holds nothing: rejected, or the tombstone of an early release."""
    await connection.execute(
        "INSERT INTO reservations (booking_id, status, reason) VALUES ($1, $2, $3)"
        " ON CONFLICT (booking_id) DO UPDATE SET status = $2, reason = $3, updated_at = now()",
        booking_id,
        status,
        reason,
    )


async def set_status(connection: asyncpg.Connection, booking_id: uuid.UUID, status: str) -> None:
    await connection.execute(
        "UPDATE reservations SET status = $2, updated_at = now() WHERE booking_id = $1", booking_id, status
    )


async def free_booths(
    connection: asyncpg.Connection, booth_ids: list[str], start: datetime, end: datetime
) -> list[str]:
    """Those of ``booth_ids`` (in that order) that are active and not held during [start, end)."""
    rows = await connection.fetch(
        "SELECT b.id FROM unnest($1::text[]) WITH ORDINALITY AS c(id, position) JOIN booths b USING (id)"
        " WHERE b.active AND NOT EXISTS (SELECT 1 FROM booth_holds h"
        "  WHERE h.booth_id = b.id AND h.during && tstzrange($2, $3)) ORDER BY c.position",
        booth_ids, start, end,
    )  # fmt: skip
    return [row["id"] for row in rows]


async def free_interpreters(
    connection: asyncpg.Connection, interpreter_ids: list[str], start: datetime, end: datetime
) -> list[str]:
    """Those of ``interpreter_ids`` (in that order) that are active and not assigned during [start, end)."""
    rows = await connection.fetch(
        "SELECT i.id FROM unnest($1::text[]) WITH ORDINALITY AS c(id, position) JOIN interpreters i USING (id)"
        " WHERE i.active AND NOT EXISTS (SELECT 1 FROM assignments a"
        "  WHERE a.interpreter_id = i.id AND a.during && tstzrange($2, $3)) ORDER BY c.position",
        interpreter_ids, start, end,
    )  # fmt: skip
    return [row["id"] for row in rows]


async def hold_booths(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    booths: list[tuple[str, str]],
    start: datetime,
    end: datetime,
) -> None:
    """Hold (booth, target language) pairs; ExclusionViolationError if a booth is taken meanwhile."""
    await connection.execute(
        "INSERT INTO booth_holds (booking_id, booth_id, target_language, during)"
        " SELECT $1, b, t, tstzrange($4, $5) FROM unnest($2::text[], $3::text[]) AS u(b, t)",
        booking_id, [booth for booth, _ in booths], [target for _, target in booths], start, end,
    )  # fmt: skip


async def assign(
    connection: asyncpg.Connection, booking_id: uuid.UUID, booth_id: str, team: list[tuple[str, str]],
    start: datetime, end: datetime,
) -> None:  # fmt: skip
    """Assign (interpreter, vendor) pairs to a booth; ExclusionViolationError if one is taken meanwhile."""
    await connection.execute(
        "INSERT INTO assignments (booking_id, booth_id, interpreter_id, vendor_id, during)"
        " SELECT $1, $2, i, v, tstzrange($5, $6) FROM unnest($3::text[], $4::text[]) AS u(i, v)",
        booking_id, booth_id, [i for i, _ in team], [v for _, v in team], start, end,
    )  # fmt: skip


async def seats(connection: asyncpg.Connection, booking_id: uuid.UUID) -> list[Seat]:
    rows = await connection.fetch(
        "SELECT a.booth_id, h.target_language, a.interpreter_id, a.vendor_id FROM assignments a"
        " JOIN booth_holds h USING (booking_id, booth_id) WHERE a.booking_id = $1"
        " ORDER BY array_position((SELECT target_languages FROM reservations WHERE booking_id = $1),"
        " h.target_language), a.interpreter_id",
        booking_id,
    )
    return [
        Seat(row["booth_id"], row["target_language"], row["interpreter_id"], row["vendor_id"]) for row in rows
    ]


async def release(connection: asyncpg.Connection, booking_id: uuid.UUID) -> None:
    """Free the booths and the interpreters (assignments go with their booth hold)."""
    await connection.execute("DELETE FROM booth_holds WHERE booking_id = $1", booking_id)
    await set_status(connection, booking_id, "released")


async def record_tasks(
    connection: asyncpg.Connection, booking_id: uuid.UUID, tasks: list[tuple[str, str, uuid.UUID]]
) -> set[str]:
    """Record (task id, vendor, message id) rows; return the task ids that are new now."""
    rows = await connection.fetch(
        "INSERT INTO vendor_tasks (task_id, booking_id, vendor_id, message_id)"
        " SELECT t, $1, v, m FROM unnest($2::text[], $3::text[], $4::uuid[]) AS u(t, v, m)"
        " ON CONFLICT DO NOTHING RETURNING task_id",
        booking_id, [t for t, _, _ in tasks], [v for _, v, _ in tasks], [m for _, _, m in tasks],
    )  # fmt: skip
    return {row["task_id"] for row in rows}


def plan_of(row: asyncpg.Record, load_minutes: int) -> Plan:
    """The plan a held or confirmed reservation was made for."""
    return Plan(
        row["space_id"], row["starts_at"], row["ends_at"], row["floor_language"], tuple(row["target_languages"]),
        row["team_per_booth"], row["attendees"], timedelta(minutes=load_minutes),
    )  # fmt: skip
