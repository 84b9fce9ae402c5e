"""SQL for the international network lines: reserve some of the pool for a booking, release them.

Reservations for the same UTC days queue on advisory locks (taken in day order, after any hall
locks of the same transaction) so that each one sees the lines the previous one took; the
exclusion constraint on network_line_holds stays the guarantee.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

import asyncpg

from services.venue.adapters.conflicts import HoldTaken
from services.venue.domain.booking import Interval
from services.venue.domain.network_lines import load_line_pool

POOL = load_line_pool().ids

_LOCK_POOL_DAYS = """
SELECT count(pg_advisory_xact_lock(hashtext('network-lines'), day))
FROM (SELECT (extract(epoch FROM d) / 86400)::int AS day
      FROM generate_series(date_trunc('day', $1::timestamptz AT TIME ZONE 'UTC'),
                           date_trunc('day', $2::timestamptz AT TIME ZONE 'UTC'), interval '1 day') AS d
      ORDER BY 1) AS keys
"""
# all or nothing in one statement; a booking that already holds lines gets them back (a retry)
_RESERVE = """
WITH held AS (SELECT line_id FROM network_line_holds WHERE booking_id = $1),
free AS (
    SELECT pool.line_id FROM unnest($2::text[]) AS pool(line_id)
    WHERE NOT EXISTS (SELECT 1 FROM network_line_holds h
                      WHERE h.line_id = pool.line_id AND h.during && tstzrange($4, $5))
    ORDER BY pool.line_id LIMIT $3
),
taken AS (
    INSERT INTO network_line_holds (booking_id, line_id, during)
    SELECT $1, line_id, tstzrange($4, $5) FROM free
    WHERE NOT EXISTS (SELECT 1 FROM held) AND (SELECT count(*) FROM free) = $3
    RETURNING line_id
)
SELECT line_id FROM taken UNION ALL SELECT line_id FROM held ORDER BY 1
"""


class NetworkLineRepository:
    """The lines of the pool held by bookings, on the unit's connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def reserve_lines(
        self,
        booking_id: uuid.UUID,
        count: int,
        interval: Interval,
        pool: Sequence[str] = POOL,
    ) -> list[str] | None:
        """Hold ``count`` lines for the booking during ``interval``; None (nothing held) when too few are free."""
        if count <= 0:
            return []
        await self.connection.execute(_LOCK_POOL_DAYS, interval.starts_at, interval.ends_at)
        try:
            rows = await self.connection.fetch(
                _RESERVE, booking_id, list(pool), count, interval.starts_at, interval.ends_at
            )
        except asyncpg.ExclusionViolationError:
            raise HoldTaken() from None
        return [row["line_id"] for row in rows] or None

    async def release_lines(self, booking_id: uuid.UUID) -> list[str]:
        """Free every line the booking holds; the lines freed (none on a repeat)."""
        rows = await self.connection.fetch(
            "DELETE FROM network_line_holds WHERE booking_id = $1 RETURNING line_id", booking_id
        )
        return sorted(row["line_id"] for row in rows)

    async def lines_of_booking(self, booking_id: uuid.UUID) -> list[str]:
        rows = await self.connection.fetch(
            "SELECT line_id FROM network_line_holds WHERE booking_id = $1 ORDER BY line_id", booking_id
        )
        return [row["line_id"] for row in rows]

    async def busy_between(self, starts_at: datetime, ends_at: datetime) -> list[asyncpg.Record]:
        """Every line hold overlapping the window: line_id, starts_at, ends_at (no booking data)."""
        return await self.connection.fetch(
            "SELECT line_id, lower(during) AS starts_at, upper(during) AS ends_at FROM network_line_holds"
            " WHERE during && tstzrange($1, $2) ORDER BY line_id, lower(during)",
            starts_at,
            ends_at,
        )
