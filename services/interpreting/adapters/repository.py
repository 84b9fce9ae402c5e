"""SQL for the roster, reservations (one per booking and plan revision), booth holds and assignments."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import asyncpg

from services.interpreting.adapters import receivers
from services.interpreting.domain.plan import Plan
from services.interpreting.domain.roster import Roster
from services.interpreting.domain.tasks import Seat
from shared.participant.adapters.plans import PlanTable
from shared.participant.domain.plans import PlanKey, Row, key_of

RESERVATIONS = PlanTable("reservations")  # one reservation per booking and plan revision
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
        [(i.id, i.vendor_id, list(i.languages)) for i in roster.interpreters],
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


async def lock_resources(connection: asyncpg.Connection, keys: list[str]) -> None:
    """Take the (resource, day) locks in the given order (the two-key form keeps them apart from booking locks)."""
    await connection.execute(
        "SELECT pg_advisory_xact_lock($2, hashtext(k)) FROM (SELECT k FROM unnest($1::text[])"
        " WITH ORDINALITY AS u(k, position) ORDER BY position) AS ordered",
        keys,
        RESOURCE_LOCK_CLASS,
    )


async def insert_held(connection: asyncpg.Connection, key: PlanKey, plan: Plan) -> None:
    await connection.execute(
        "INSERT INTO reservations (booking_id, revision, status, space_id, starts_at, ends_at, floor_language,"
        " target_languages, team_per_booth, attendees, mode, relays)"
        " VALUES ($1, $2, 'held', $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        key.booking_id,
        key.revision,
        plan.space_id,
        plan.starts_at,
        plan.ends_at,
        plan.floor_language,
        list(plan.target_languages),
        plan.team_per_booth,
        plan.attendees,
        plan.mode,
        [list(r) for r in plan.relays],
    )


async def free_booths(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    booth_ids: list[str],
    start: datetime,
    end: datetime,
) -> list[str]:
    """Those of ``booth_ids`` (in that order) active and not held during [start, end) by another booking."""
    rows = await connection.fetch(
        "SELECT b.id FROM unnest($1::text[]) WITH ORDINALITY AS c(id, position) JOIN booths b USING (id)"
        " WHERE b.active AND NOT EXISTS (SELECT 1 FROM booth_holds h"
        "  WHERE h.booth_id = b.id AND h.during && tstzrange($2, $3) AND h.booking_id <> $4) ORDER BY c.position",
        booth_ids,
        start,
        end,
        booking_id,
    )
    return [row["id"] for row in rows]


async def free_interpreters(
    connection: asyncpg.Connection,
    booking_id: uuid.UUID,
    interpreter_ids: list[str],
    start: datetime,
    end: datetime,
) -> list[str]:
    """Those of ``interpreter_ids`` (in that order) active and not assigned during [start, end) elsewhere."""
    rows = await connection.fetch(
        "SELECT i.id FROM unnest($1::text[]) WITH ORDINALITY AS c(id, position) JOIN interpreters i USING (id)"
        " WHERE i.active AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.interpreter_id = i.id"
        "  AND a.during && tstzrange($2, $3) AND a.booking_id <> $4) ORDER BY c.position",
        interpreter_ids,
        start,
        end,
        booking_id,
    )
    return [row["id"] for row in rows]


async def hold_booths(
    connection: asyncpg.Connection,
    key: PlanKey,
    booths: list[tuple[str, str]],
    start: datetime,
    end: datetime,
) -> None:
    """Hold (booth, target language) pairs; ExclusionViolationError if another booking took a booth meanwhile."""
    await connection.execute(
        "INSERT INTO booth_holds (booking_id, revision, booth_id, target_language, during)"
        " SELECT $1, $2, b, t, tstzrange($5, $6) FROM unnest($3::text[], $4::text[]) AS u(b, t)",
        key.booking_id,
        key.revision,
        [booth for booth, _ in booths],
        [target for _, target in booths],
        start,
        end,
    )


async def hold_free_booths(
    connection: asyncpg.Connection,
    key: PlanKey,
    booths: list[tuple[str, str]],
    start: datetime,
    end: datetime,
) -> list[str]:
    """Hold the (booth, target language) pairs whose booth no other booking holds then; the booths held.
    One statement, no savepoint: a booth taken meanwhile is skipped (the exclusion constraint decides)."""
    rows = await connection.fetch(
        "INSERT INTO booth_holds (booking_id, revision, booth_id, target_language, during)"
        " SELECT $1, $2, b, t, tstzrange($5, $6) FROM unnest($3::text[], $4::text[]) AS u(b, t)"
        " ON CONFLICT DO NOTHING RETURNING booth_id",
        key.booking_id,
        key.revision,
        [booth for booth, _ in booths],
        [target for _, target in booths],
        start,
        end,
    )
    return [row["booth_id"] for row in rows]


# a team of (interpreter, vendor) pairs in one booth (or None: consecutive) over one time range
_ASSIGN_TEAM = (
    "INSERT INTO assignments (booking_id, revision, booth_id, interpreter_id, vendor_id, during, target_language)"
    " SELECT $1, $2, $3, i, v, tstzrange($6, $7), $8 FROM unnest($4::text[], $5::text[]) AS u(i, v)"
)


def _team_arguments(
    key: PlanKey,
    booth_id: str | None,
    team: list[tuple[str, str]],
    start: datetime,
    end: datetime,
    target_language: str | None,
) -> tuple[object, ...]:
    interpreters, vendors = [i for i, _ in team], [v for _, v in team]
    return (key.booking_id, key.revision, booth_id, interpreters, vendors, start, end, target_language)


async def assign_free(
    connection: asyncpg.Connection,
    key: PlanKey,
    booth_id: str | None,
    team: list[tuple[str, str]],
    start: datetime,
    end: datetime,
    target_language: str | None = None,
) -> list[str]:
    """Assign the (interpreter, vendor) pairs whose interpreter is free then; the interpreters assigned.
    One statement, no savepoint: one taken meanwhile is skipped (the exclusion constraint decides)."""
    rows = await connection.fetch(
        _ASSIGN_TEAM + " ON CONFLICT DO NOTHING RETURNING interpreter_id",
        *_team_arguments(key, booth_id, team, start, end, target_language),
    )
    return [row["interpreter_id"] for row in rows]


async def assign(
    connection: asyncpg.Connection,
    key: PlanKey,
    booth_id: str | None,
    team: list[tuple[str, str]],
    start: datetime,
    end: datetime,
    target_language: str | None = None,
) -> None:
    """Assign (interpreter, vendor) pairs to a booth (None: consecutive); ExclusionViolationError if taken."""
    await connection.execute(_ASSIGN_TEAM, *_team_arguments(key, booth_id, team, start, end, target_language))


async def unassign(connection: asyncpg.Connection, key: PlanKey, vendor_id: str) -> None:
    """Free one agency's interpreters at the revision (its booths stay held for whoever takes over)."""
    await connection.execute(
        "DELETE FROM assignments WHERE booking_id = $1 AND revision = $2 AND vendor_id = $3",
        key.booking_id,
        key.revision,
        vendor_id,
    )


_SEAT = (
    "SELECT coalesce(a.booth_id, '') AS booth_id, coalesce(h.target_language, a.target_language) AS target,"
    " a.interpreter_id, a.vendor_id FROM assignments a"
    " LEFT JOIN booth_holds h USING (booking_id, revision, booth_id)"
)


def _seat(row: asyncpg.Record) -> Seat:
    """A seat; a consecutive interpreter's booth is ''."""
    return Seat(row["booth_id"], row["target"], row["interpreter_id"], row["vendor_id"])


async def seats(connection: asyncpg.Connection, key: PlanKey) -> list[Seat]:
    rows = await connection.fetch(
        f"{_SEAT} WHERE a.booking_id = $1 AND a.revision = $2"
        " ORDER BY array_position((SELECT target_languages FROM reservations WHERE booking_id = $1"
        " AND revision = $2), coalesce(h.target_language, a.target_language)), a.interpreter_id",
        key.booking_id,
        key.revision,
    )
    return [_seat(row) for row in rows]


async def seats_elsewhere(connection: asyncpg.Connection, key: PlanKey) -> list[Seat]:
    """The seats the booking's other revisions hold: the firm one first, then the newest."""
    rows = await connection.fetch(
        f"{_SEAT} JOIN reservations r USING (booking_id, revision) WHERE a.booking_id = $1 AND a.revision <> $2"
        " ORDER BY r.status = 'confirmed' DESC, a.revision DESC, a.booth_id, a.interpreter_id",
        key.booking_id,
        key.revision,
    )
    return [_seat(row) for row in rows]


async def release(connection: asyncpg.Connection, plan: Row, reason: str | None = None) -> None:
    """Free the revision's booths, interpreters (in a booth or consecutive) and receivers."""
    key = key_of(plan)
    for table in ("assignments", "booth_holds"):
        await connection.execute(
            f"DELETE FROM {table} WHERE booking_id = $1 AND revision = $2", key.booking_id, key.revision
        )
    await receivers.release(connection, key)
    await RESERVATIONS.set_status(connection, key, "released", reason)


def plan_of(row: Row, load_minutes: int) -> Plan:
    """The plan a held or confirmed reservation was made for."""
    return Plan(
        row["space_id"],
        row["starts_at"],
        row["ends_at"],
        row["floor_language"],
        tuple(row["target_languages"]),
        row["team_per_booth"],
        row["attendees"],
        timedelta(minutes=load_minutes),
        row["mode"],
        tuple((target, pivot) for target, pivot in row["relays"]),
    )
