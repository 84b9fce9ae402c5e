"""SQL for the public "what's on" list: the bookings their organizers marked public."""

from __future__ import annotations

import uuid

import asyncpg

from services.venue.domain.booking import Interval


class PublicEventRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def mark(self, booking_id: uuid.UUID, public: bool) -> bool:
        """Show the booking in "what's on" or not; False if there is no such booking."""
        done = await self.connection.execute(
            "UPDATE bookings SET public = $2, updated_at = now() WHERE id = $1", booking_id, public
        )
        return bool(done == "UPDATE 1")

    async def during(self, window: Interval, limit: int) -> list[asyncpg.Record]:
        """Confirmed public bookings meeting ``window``, earliest first: only what the public may see."""
        return list(
            await self.connection.fetch(
                "SELECT id, title, space_id, starts_at, ends_at FROM bookings"
                " WHERE public AND status = 'confirmed' AND starts_at < $2 AND ends_at > $1"
                " ORDER BY starts_at, id LIMIT $3",
                window.starts_at,
                window.ends_at,
                limit,
            )
        )
