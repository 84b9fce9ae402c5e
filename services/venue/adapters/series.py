"""SQL for recurring series: the series, the occurrences its rule made, and their bookings."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

_INSERT = """
INSERT INTO booking_series (id, organizer_id, created_by, rrule, time_zone, mode, space_id, title, trace_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
"""
_OCCURRENCES = """
INSERT INTO series_occurrences (series_id, position, starts_at, ends_at, booking_id, reason, conflict)
SELECT $1, * FROM unnest($2::int[], $3::timestamptz[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[])
"""
_SHOWN = """
SELECT o.position, o.starts_at, o.ends_at, o.booking_id, o.reason, o.conflict, b.status,
       b.starts_at AS booked_starts_at, b.ends_at AS booked_ends_at
FROM series_occurrences o LEFT JOIN bookings b ON b.id = o.booking_id
WHERE o.series_id = $1 ORDER BY o.position
"""


class SeriesRepository:
    """Series and their occurrences, on the unit's connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def insert(self, series: dict[str, Any]) -> None:
        """The series (before its bookings, which name it)."""
        await self.connection.execute(
            _INSERT,
            series["id"],
            series["organizer_id"],
            series["created_by"],
            series["rrule"],
            series["time_zone"],
            series["mode"],
            series["space_id"],
            series["title"],
            series["trace_id"],
        )

    async def add_occurrences(self, series_id: uuid.UUID, occurrences: list[dict[str, Any]]) -> None:
        """Every occurrence the rule made, each with its booking or why none was made."""
        columns = ("position", "starts_at", "ends_at", "booking_id", "reason", "conflict")
        await self.connection.execute(
            _OCCURRENCES, series_id, *([row[name] for row in occurrences] for name in columns)
        )

    async def get(self, series_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow("SELECT * FROM booking_series WHERE id = $1", series_id)

    async def occurrences(self, series_id: uuid.UUID) -> list[asyncpg.Record]:
        """In the rule's order: its times, the booking (status and times now) or the reason none was made."""
        return await self.connection.fetch(_SHOWN, series_id)
