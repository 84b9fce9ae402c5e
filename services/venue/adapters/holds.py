"""SQL for the hall holds (space_holds): taking them, finding what overlaps, releasing them.

Simultaneous inserts into an EXCLUDE table wait on each other's uncommitted rows and deadlock
(PostgreSQL then aborts one after deadlock_timeout). Competitors for the same unit and day take
the (unit, day) advisory locks first, in one sorted order, and queue instead; the constraint stays
the guarantee.
"""

from __future__ import annotations

import uuid

import asyncpg

from services.venue.adapters.conflicts import HoldTaken
from services.venue.adapters.network_lines import NetworkLineRepository
from services.venue.domain.booking import Interval

_LOCK_UNIT_DAYS = """
SELECT count(pg_advisory_xact_lock(hashtext(unit), day))
FROM (SELECT unit, (extract(epoch FROM d) / 86400)::int AS day
      FROM unnest($1::text[]) AS unit,
           generate_series(date_trunc('day', $2::timestamptz AT TIME ZONE 'UTC'),
                           date_trunc('day', $3::timestamptz AT TIME ZONE 'UTC'), interval '1 day') AS d
      ORDER BY 1, 2) AS keys
"""
_INSERT_HOLDS = """
INSERT INTO space_holds (booking_id, unit, during, revision)
SELECT $1, unit, tstzrange($3, $4), $5 FROM unnest($2::text[]) AS unit
"""


async def lock_unit_days(connection: asyncpg.Connection, units: list[str], blocked: Interval) -> None:
    await connection.execute(_LOCK_UNIT_DAYS, sorted(units), blocked.starts_at, blocked.ends_at)


async def insert_holds(
    connection: asyncpg.Connection, booking_id: uuid.UUID, units: list[str], blocked: Interval, revision: int
) -> None:
    await connection.execute(_INSERT_HOLDS, booking_id, units, blocked.starts_at, blocked.ends_at, revision)


class HoldRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def insert(self, booking_id: uuid.UUID, units: list[str], blocked: Interval, revision: int) -> None:
        """The booking's hold of each unit for one plan revision (``HoldTaken`` on an overlap)."""
        try:
            await insert_holds(self.connection, booking_id, units, blocked, revision)
        except asyncpg.ExclusionViolationError:
            raise HoldTaken() from None

    async def conflicts(self, units: list[str], blocked: Interval) -> list[Interval]:
        """The blocked intervals of other bookings that overlap ``blocked`` on any of ``units``."""
        rows = await self.connection.fetch(
            "SELECT DISTINCT lower(during) AS starts_at, upper(during) AS ends_at FROM space_holds"
            " WHERE unit = ANY($1::text[]) AND during && tstzrange($2, $3) ORDER BY 1",
            units,
            blocked.starts_at,
            blocked.ends_at,
        )
        return [Interval(row["starts_at"], row["ends_at"]) for row in rows]

    async def release(self, booking_id: uuid.UUID) -> None:
        """Free the space and the network lines the booking held."""
        await self.connection.execute("DELETE FROM space_holds WHERE booking_id = $1", booking_id)
        await NetworkLineRepository(self.connection).release_lines(booking_id)
        await self.connection.execute(
            "UPDATE saga_steps SET state = 'released', updated_at = now() WHERE booking_id = $1 AND step = 'hold'",
            booking_id,
        )

    async def keep_only(self, booking_id: uuid.UUID, revision: int) -> None:
        """Drop the holds of every other plan revision of the booking."""
        await self.connection.execute(
            "DELETE FROM space_holds WHERE booking_id = $1 AND revision <> $2", booking_id, revision
        )

    async def drop(self, booking_id: uuid.UUID, revision: int) -> None:
        """Drop the holds of one plan revision (a change that failed)."""
        await self.connection.execute(
            "DELETE FROM space_holds WHERE booking_id = $1 AND revision = $2", booking_id, revision
        )
