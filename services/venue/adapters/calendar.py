"""SQL for the space calendar: the blocked time around a new hold, closures, the bookings they hit, and
the busy blocks a space's calendar feed shows.

A closure and a new booking must not miss each other: a booking takes the calendar lock shared (its
own holds keep queueing per unit and day), a closure takes it exclusively, and each reads the other's
rows only after holding it. Closures are rare staff actions; bookings never wait on each other for it.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

from services.venue.domain.availability import Busy
from services.venue.domain.booking import Interval
from services.venue.domain.changeover import Block

CALENDAR_LOCK = 0x57494343  # "WICC"; one-bigint advisory keys never collide with the (unit, day) pairs

# The (unit, day) keys are the ones BookingRepository.insert takes, over a window that contains its
# hold: taking them again there is immediate, and one sorted statement keeps competitors deadlock-free.
_LOCK_FOR_HOLD = """
WITH calendar AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared($4::bigint) AS locked)
SELECT count(pg_advisory_xact_lock(hashtext(keys.unit), keys.day))
FROM calendar,
     (SELECT unit, (extract(epoch FROM d) / 86400)::int AS day
      FROM unnest($1::text[]) AS unit,
           generate_series(date_trunc('day', $2::timestamptz AT TIME ZONE 'UTC'),
                           date_trunc('day', $3::timestamptz AT TIME ZONE 'UTC'), interval '1 day') AS d
      ORDER BY 1, 2) AS keys
"""
# The same keys for the holds of a whole series, in one sorted statement like a single booking's: two
# series (or a series and a booking) then queue on their first shared key instead of deadlocking
_LOCK_FOR_HOLDS = """
WITH calendar AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared($4::bigint) AS locked)
SELECT count(pg_advisory_xact_lock(hashtext(keys.unit), keys.day))
FROM calendar,
     (SELECT DISTINCT unit, (extract(epoch FROM d) / 86400)::int AS day
      FROM unnest($1::text[]) AS unit,
           unnest($2::timestamptz[], $3::timestamptz[]) AS w(starts_at, ends_at),
           generate_series(date_trunc('day', w.starts_at AT TIME ZONE 'UTC'),
                           date_trunc('day', w.ends_at AT TIME ZONE 'UTC'), interval '1 day') AS d
      ORDER BY 1, 2) AS keys
"""
_BLOCKS = """
SELECT h.unit, lower(h.during) AS starts_at, upper(h.during) AS ends_at, b.layout,
       b.starts_at AS event_starts_at, NULL::uuid AS closure_id, NULL::text AS reason
FROM space_holds h JOIN bookings b ON b.id = h.booking_id
WHERE h.unit = ANY($1::text[]) AND h.during && tstzrange($2, $3)
UNION ALL
SELECT c.unit, lower(c.during), upper(c.during), NULL, NULL, c.closure_id, k.reason
FROM closure_blocks c JOIN closures k ON k.id = c.closure_id
WHERE c.unit = ANY($1::text[]) AND c.during && tstzrange($2, $3)
"""
# The same rows as plain numbers for availability: a month of the venue is hundreds of rows.
_BUSY = """
SELECT h.unit, extract(epoch FROM lower(h.during))::bigint, extract(epoch FROM upper(h.during))::bigint,
       b.layout, extract(epoch FROM b.starts_at - lower(h.during))::int
FROM space_holds h JOIN bookings b ON b.id = h.booking_id
WHERE h.unit = ANY($1::text[]) AND h.during && tstzrange($2, $3)
UNION ALL
SELECT unit, extract(epoch FROM lower(during))::bigint, extract(epoch FROM upper(during))::bigint, NULL, 0
FROM closure_blocks WHERE unit = ANY($1::text[]) AND during && tstzrange($2, $3)
"""
_HITS = """
SELECT * FROM (
    SELECT DISTINCT ON (b.id) b.id, b.space_id, b.status, b.title, b.starts_at, b.ends_at, b.organizer_id,
           lower(b.blocked) AS blocked_from, upper(b.blocked) AS blocked_to
    FROM space_holds h JOIN bookings b ON b.id = h.booking_id
    WHERE h.unit = ANY($1::text[]) AND h.during && tstzrange($2, $3)
) AS hit ORDER BY starts_at, id
"""


class CalendarRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def lock_for_hold(self, units: list[str], window: Interval) -> None:
        """Before reading the neighbours and closures of a new hold inside ``window``."""
        await self.connection.execute(
            _LOCK_FOR_HOLD, sorted(units), window.starts_at, window.ends_at, CALENDAR_LOCK
        )

    async def lock_for_holds(self, units: list[str], windows: list[Interval]) -> None:
        """``lock_for_hold`` for many windows at once (a series), every key in one order."""
        await self.connection.execute(
            _LOCK_FOR_HOLDS,
            sorted(units),
            [window.starts_at for window in windows],
            [window.ends_at for window in windows],
            CALENDAR_LOCK,
        )

    async def lock_for_closure(self) -> None:
        """Before reading the bookings a new closure hits: waits for bookings being created, briefly."""
        await self.connection.execute("SELECT pg_advisory_xact_lock($1::bigint)", CALENDAR_LOCK)

    async def blocks(self, units: list[str], window: Interval) -> list[Block]:
        """Every hold (with its booking's layout) and closure on ``units`` overlapping ``window``."""
        rows = await self.connection.fetch(_BLOCKS, units, window.starts_at, window.ends_at)
        return [
            Block(
                unit=row["unit"],
                starts_at=row["starts_at"],
                ends_at=row["ends_at"],
                layout=row["layout"],
                event_starts_at=row["event_starts_at"],
                closure_id=row["closure_id"],
                reason=row["reason"] or "",
            )
            for row in rows
        ]

    async def busy(self, units: list[str], window: Interval) -> list[Busy]:
        """Like ``blocks``, as (unit, from, to, layout or None, setup held), times in epoch seconds."""
        rows = await self.connection.fetch(_BUSY, units, window.starts_at, window.ends_at)
        return [(row[0], row[1], row[2], row[3], row[4]) for row in rows]

    async def bookings_hit(self, units: list[str], during: Interval) -> list[asyncpg.Record]:
        """The bookings whose hold (buffers included) overlaps ``during`` on any of ``units``."""
        return await self.connection.fetch(_HITS, units, during.starts_at, during.ends_at)

    async def insert_closure(
        self,
        closure_id: uuid.UUID,
        space_id: str | None,
        units: list[str],
        during: Interval,
        reason: str,
        created_by: uuid.UUID | None,
    ) -> None:
        await self.connection.execute(
            "INSERT INTO closures (id, space_id, starts_at, ends_at, reason, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
            closure_id,
            space_id,
            during.starts_at,
            during.ends_at,
            reason,
            created_by,
        )
        await self.connection.execute(
            "INSERT INTO closure_blocks (closure_id, unit, during) SELECT $1, unit, tstzrange($3, $4)"
            " FROM unnest($2::text[]) AS unit",
            closure_id,
            units,
            during.starts_at,
            during.ends_at,
        )

    async def closures(self, window: Interval) -> list[asyncpg.Record]:
        return await self.connection.fetch(
            "SELECT id, space_id, starts_at, ends_at, reason FROM closures"
            " WHERE tstzrange(starts_at, ends_at) && tstzrange($1, $2) ORDER BY starts_at, id",
            window.starts_at,
            window.ends_at,
        )

    async def closure(self, closure_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow(
            "SELECT id, space_id, starts_at, ends_at, reason FROM closures WHERE id = $1", closure_id
        )

    async def delete_closure(self, closure_id: uuid.UUID) -> bool:
        return (
            await self.connection.fetchval("DELETE FROM closures WHERE id = $1 RETURNING true", closure_id)
            is not None
        )

    async def busy_blocks(
        self, units: list[str], starts_at: datetime, ends_at: datetime
    ) -> list[asyncpg.Record]:
        """One block per booking holding any of ``units`` in the window: its blocked time, setup included."""
        return await self.connection.fetch(
            "SELECT booking_id, min(lower(during)) AS starts_at, max(upper(during)) AS ends_at FROM space_holds"
            " WHERE unit = ANY($1::text[]) AND during && tstzrange($2, $3)"
            " GROUP BY booking_id ORDER BY 2, 1",
            units,
            starts_at,
            ends_at,
        )
