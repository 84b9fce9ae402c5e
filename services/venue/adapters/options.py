"""SQL for options: bookings held for days without services (status ``option``) until they expire."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

from services.venue.domain.booking import Interval, ReleasedHold


@dataclass(frozen=True)
class DueOption:
    booking_id: uuid.UUID
    hold: ReleasedHold
    trace_context: dict[str, str]


class OptionRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def set_expiry(self, booking_id: uuid.UUID, until: datetime | None) -> None:
        await self.connection.execute(
            "UPDATE bookings SET hold_expires_at = $2 WHERE id = $1", booking_id, until
        )

    async def convert(self, booking_id: uuid.UUID, services: dict[str, Any]) -> None:
        """The option becomes a pending booking with the services wanted."""
        await self.connection.execute(
            "UPDATE bookings SET status = 'pending', phase = 'running', hold_expires_at = NULL,"
            " interpreting = $2, catering = $3, updated_at = now() WHERE id = $1",
            booking_id,
            services.get("interpreting"),
            services.get("catering"),
        )

    async def due_to_expire(self, now: datetime) -> DueOption | None:
        """One option past its expiry, locked (other instances skip it)."""
        row = await self.connection.fetchrow(
            "SELECT id, space_id, blocked, trace_context FROM bookings"
            " WHERE status = 'option' AND hold_expires_at <= $1"
            " ORDER BY hold_expires_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            now,
        )
        if row is None:
            return None
        blocked = Interval(row["blocked"].lower, row["blocked"].upper)
        return DueOption(row["id"], ReleasedHold(row["space_id"], blocked), row["trace_context"])

    async def expired(self, booking_id: uuid.UUID) -> None:
        await self.connection.execute(
            "UPDATE bookings SET status = 'expired', phase = 'expired', updated_at = now() WHERE id = $1",
            booking_id,
        )

    async def due_for_warning(self, expiring_before: datetime) -> asyncpg.Record | None:
        """One option expiring before then whose organizer was not warned yet, locked."""
        return await self.connection.fetchrow(
            "SELECT id, hold_expires_at, trace_context FROM bookings WHERE status = 'option'"
            " AND expiry_warned_at IS NULL AND hold_expires_at <= $1 LIMIT 1 FOR UPDATE SKIP LOCKED",
            expiring_before,
        )

    async def warned(self, booking_id: uuid.UUID) -> None:
        await self.connection.execute(
            "UPDATE bookings SET expiry_warned_at = now() WHERE id = $1", booking_id
        )

    async def lock(self, booking_id: uuid.UUID) -> asyncpg.Record | None:
        """Its status and start, locked."""
        return await self.connection.fetchrow(
            "SELECT status, starts_at FROM bookings WHERE id = $1 FOR UPDATE", booking_id
        )

    async def extend(self, booking_id: uuid.UUID, until: datetime) -> None:
        """A new expiry; the warning is due anew."""
        await self.connection.execute(
            "UPDATE bookings SET hold_expires_at = $2, expiry_warned_at = NULL, updated_at = now() WHERE id = $1",
            booking_id,
            until,
        )
