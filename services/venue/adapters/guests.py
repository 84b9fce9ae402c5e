"""SQL for guest lists: the list's header, its sealed rows, the purge, and the guest-data audit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import asyncpg

GUEST_ACTIONS = ("guests replaced", "guests read", "guests revealed", "guests purged")


@dataclass(frozen=True)
class SealedGuest:
    guest_id: uuid.UUID
    full_name: str
    nationality: str
    key_id: str | None
    passport_sealed: bytes | None
    birth_date_sealed: bytes | None


_INSERT = """
INSERT INTO booking_guests (booking_id, guest_id, position, full_name, nationality, key_id, passport_sealed,
                            birth_date_sealed)
SELECT $1, g, p, n, c, k, s, d
FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::bytea[], $8::bytea[])
     AS t(g, p, n, c, k, s, d)
"""


# Mirrors domain.guests.purge_reason, so the sweep finds due lists with the partial index.
_DUE = """
SELECT l.booking_id, b.status, b.ends_at FROM guest_lists l JOIN bookings b ON b.id = l.booking_id
WHERE l.purged_at IS NULL AND (b.status IN ('rejected', 'cancelled', 'expired') OR b.ends_at <= $1)
LIMIT 1 FOR UPDATE OF l SKIP LOCKED
"""


class GuestRepository:
    """Guest lists and the guest-data audit, on the unit's connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def claim_list(self, booking_id: uuid.UUID, actor: str) -> asyncpg.Record:
        """The list's header, created if new and locked, so concurrent replacements of one list take turns."""
        return await self.connection.fetchrow(
            "INSERT INTO guest_lists (booking_id, updated_by) VALUES ($1, $2)"
            " ON CONFLICT (booking_id) DO UPDATE SET booking_id = excluded.booking_id RETURNING *",
            booking_id,
            actor,
        )

    async def replace(self, booking_id: uuid.UUID, guests: list[SealedGuest], actor: str) -> asyncpg.Record:
        """The booking's guests become ``guests`` (in order); returns the updated header."""
        await self.connection.execute("DELETE FROM booking_guests WHERE booking_id = $1", booking_id)
        await self.connection.execute(
            _INSERT,
            booking_id,
            [g.guest_id for g in guests],
            list(range(len(guests))),
            [g.full_name for g in guests],
            [g.nationality for g in guests],
            [g.key_id for g in guests],
            [g.passport_sealed for g in guests],
            [g.birth_date_sealed for g in guests],
        )
        return await self.connection.fetchrow(
            "UPDATE guest_lists SET guests = $2, updated_by = $3, updated_at = now() WHERE booking_id = $1"
            " RETURNING *",
            booking_id,
            len(guests),
            actor,
        )

    async def header(self, booking_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow("SELECT * FROM guest_lists WHERE booking_id = $1", booking_id)

    async def guests(self, booking_id: uuid.UUID) -> list[SealedGuest]:
        rows = await self.connection.fetch(
            "SELECT guest_id, full_name, nationality, key_id, passport_sealed, birth_date_sealed"
            " FROM booking_guests WHERE booking_id = $1 ORDER BY position",
            booking_id,
        )
        return [SealedGuest(**dict(row)) for row in rows]

    async def due_for_purge(self, ended_before: datetime) -> asyncpg.Record | None:
        """One list whose data must go (locked; others skip it), or None."""
        return await self.connection.fetchrow(_DUE, ended_before)

    async def purge(self, booking_id: uuid.UUID) -> int:
        """Delete the booking's guests (names, passports, dates of birth); returns how many there were."""
        deleted = await self.connection.execute(
            "DELETE FROM booking_guests WHERE booking_id = $1", booking_id
        )
        await self.connection.execute(
            "UPDATE guest_lists SET guests = 0, purged_at = now() WHERE booking_id = $1", booking_id
        )
        return int(deleted.split()[-1])  # the command tag: DELETE <rows>

    async def accesses(
        self,
        booking_id: uuid.UUID | None,
        action: str | None,
        before: int | None,
        limit: int,
    ) -> list[asyncpg.Record]:
        """Audit rows of guest data, newest first, optionally of one booking or action, below id ``before``."""
        return await self.connection.fetch(
            "SELECT id, booking_id, actor, action, detail, trace_id, at FROM audit_log"
            " WHERE action LIKE 'guests %' AND ($1::uuid IS NULL OR booking_id = $1)"
            " AND ($2::text IS NULL OR action = $2) AND ($3::bigint IS NULL OR id < $3)"
            " ORDER BY id DESC LIMIT $4",
            booking_id,
            action,
            before,
            limit,
        )
