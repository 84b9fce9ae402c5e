"""SQL for the waitlist: organizers queued behind a hold of the slot they want."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from services.venue.domain.booking import Interval

_INSERT = """
INSERT INTO waitlist (id, organizer_id, space_id, units, layout, starts_at, ends_at, blocked, attendees, title)
VALUES ($1, $2, $3, $4, $5, $6, $7, tstzrange($8, $9), $10, $11)
"""
_PLACE = """
SELECT count(*) FROM waitlist WHERE status = 'waiting' AND units && $1 AND blocked && tstzrange($2, $3)
AND created_at <= (SELECT created_at FROM waitlist WHERE id = $4)
"""
_WAITING = """
SELECT w.*, a.name, a.email, a.locale, a.time_zone FROM waitlist w JOIN accounts a ON a.id = w.organizer_id
WHERE w.status = 'waiting' AND w.units && $1 AND w.blocked && tstzrange($2, $3)
ORDER BY w.created_at FOR UPDATE OF w
"""


class WaitlistRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def insert(
        self, entry_id: uuid.UUID, entry: dict[str, Any], units: list[str], blocked: Interval
    ) -> None:
        """A waiting entry: ``entry`` has organizer_id, space_id, layout, starts_at, ends_at, attendees, title."""
        await self.connection.execute(
            _INSERT,
            entry_id,
            entry["organizer_id"],
            entry["space_id"],
            units,
            entry["layout"],
            entry["starts_at"],
            entry["ends_at"],
            blocked.starts_at,
            blocked.ends_at,
            entry["attendees"],
            entry["title"],
        )

    async def place(self, entry_id: uuid.UUID, units: list[str], blocked: Interval) -> int:
        """The entry's place in the queue for its slot (1 is next)."""
        return int(
            await self.connection.fetchval(_PLACE, units, blocked.starts_at, blocked.ends_at, entry_id)
        )

    async def waiting_for(self, units: list[str], released: Interval) -> list[asyncpg.Record]:
        """The entries (with their organizer's contact) a release of ``released`` may serve, first come
        first; locked, so two releases never promote one entry twice."""
        return await self.connection.fetch(_WAITING, units, released.starts_at, released.ends_at)

    async def promoted(self, entry_id: uuid.UUID, booking_id: uuid.UUID) -> None:
        await self.connection.execute(
            "UPDATE waitlist SET status = 'promoted', booking_id = $2, updated_at = now() WHERE id = $1",
            entry_id,
            booking_id,
        )

    async def of_organizer(self, organizer_id: uuid.UUID | None) -> list[asyncpg.Record]:
        """An organizer's entries (everyone's for None), newest first."""
        return await self.connection.fetch(
            "SELECT id, space_id, starts_at, ends_at, status, booking_id, created_at FROM waitlist"
            " WHERE $1::uuid IS NULL OR organizer_id = $1 ORDER BY created_at DESC LIMIT 200",
            organizer_id,
        )
