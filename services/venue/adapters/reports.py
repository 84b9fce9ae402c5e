"""SQL for the staff and ops reports: the bookings of a period with what the reports add up (their
organizer's country, kept quote, fee and network lines), and the closures on the venue's units."""

from __future__ import annotations

from datetime import datetime

import asyncpg

# by the event's start (bookings_starts), reaching back a longest event for utilisation's overlaps
_BOOKINGS = """
SELECT b.id, b.status, b.space_id, b.layout, b.starts_at, b.ends_at, b.attendees,
       lower(b.blocked) AS blocked_from, upper(b.blocked) AS blocked_to,
       b.interpreting, b.catering, coalesce(b.fee_minor, 0) AS fee_minor, a.country, q.total_minor AS quoted_minor,
       (SELECT count(*) FROM network_line_holds n WHERE n.booking_id = b.id) AS network_lines
FROM bookings b
LEFT JOIN accounts a ON a.id = b.organizer_id
LEFT JOIN booking_quotes bq ON bq.booking_id = b.id
LEFT JOIN quotes q ON q.id = bq.quote_id
WHERE b.starts_at >= $1 AND b.starts_at < $2
ORDER BY b.starts_at, b.id
"""


class ReportRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def bookings(self, starts_from: datetime, starts_before: datetime) -> list[asyncpg.Record]:
        """The bookings starting in [starts_from, starts_before), every status."""
        return await self.connection.fetch(_BOOKINGS, starts_from, starts_before)

    async def closures(self, starts_at: datetime, ends_at: datetime) -> list[asyncpg.Record]:
        """Each unit's closed time overlapping the window."""
        return await self.connection.fetch(
            "SELECT unit, lower(during) AS starts_at, upper(during) AS ends_at FROM closure_blocks"
            " WHERE during && tstzrange($1, $2)",
            starts_at,
            ends_at,
        )
