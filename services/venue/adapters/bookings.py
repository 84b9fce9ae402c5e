"""SQL for the bookings table: the booking row, its option expiry, cancellation and plan; every method
runs on the unit of work's connection (its transaction, if it has one)."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from services.venue.adapters.conflicts import HoldTaken, KeyTaken
from services.venue.adapters.holds import lock_unit_days
from services.venue.domain.booking import Interval, ReleasedHold

# the booking, its hold of each unit and the saga's hold step, in one statement
_INSERT = """
WITH booking AS (
    INSERT INTO bookings (id, idempotency_key, request_hash, space_id, layout, starts_at, ends_at, blocked,
                          attendees, title, organizer, interpreting, catering, status, phase, trace_id,
                          trace_context, organizer_id, created_by, first_status, series_id, public)
    VALUES ($1, $2, $3, $4, $5, $6, $7, tstzrange($8, $9), $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
            $20, $21, $23, $24)
    RETURNING id
), holds AS (
    INSERT INTO space_holds (booking_id, unit, during, revision)
    SELECT id, unit, tstzrange($8, $9), 0 FROM booking, unnest($22::text[]) AS unit
)
INSERT INTO saga_steps (booking_id, step, position, state) SELECT id, 'hold', 1, 'held' FROM booking
"""
_REPLACE_PLAN = """
UPDATE bookings SET space_id = $2, layout = $3, starts_at = $4, ends_at = $5, attendees = $6, title = $7,
    interpreting = $8, catering = $9, revision = $10, updated_at = now(),
    blocked = (SELECT during FROM space_holds WHERE booking_id = $1 AND revision = $10 LIMIT 1)
WHERE id = $1
"""


class BookingRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def insert(self, row: dict[str, Any], units: list[str], blocked: Interval) -> None:
        """The booking, its hall hold and the saga's hold step; ``HoldTaken`` on an overlap, ``KeyTaken``
        when its idempotency key is in use."""
        try:
            await lock_unit_days(self.connection, units, blocked)
            await self.connection.execute(
                _INSERT,
                row["id"],
                row["idempotency_key"],
                row["request_hash"],
                row["space_id"],
                row["layout"],
                row["starts_at"],
                row["ends_at"],
                blocked.starts_at,
                blocked.ends_at,
                row["attendees"],
                row["title"],
                row["organizer"],
                row["interpreting"],
                row["catering"],
                row["status"],
                row["phase"],
                row["trace_id"],
                row["trace_context"],
                row["organizer_id"],
                row["created_by"],
                row.get("first_status"),
                units,
                row.get("series_id"),
                row.get("public", False),
            )
        except asyncpg.ExclusionViolationError:
            raise HoldTaken() from None
        except asyncpg.UniqueViolationError:
            raise KeyTaken() from None

    async def get(self, booking_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow(
            "SELECT *, lower(blocked) AS blocked_from, upper(blocked) AS blocked_to FROM bookings WHERE id = $1",
            booking_id,
        )

    async def lock(self, booking_id: uuid.UUID) -> asyncpg.Record | None:
        """The whole row, locked for the rest of the transaction."""
        return await self.connection.fetchrow("SELECT * FROM bookings WHERE id = $1 FOR UPDATE", booking_id)

    async def lock_revision(self, booking_id: uuid.UUID) -> int | None:
        """The live plan's revision, the row locked (None for an unknown booking)."""
        revision: int | None = await self.connection.fetchval(
            "SELECT revision FROM bookings WHERE id = $1 FOR UPDATE", booking_id
        )
        return revision

    async def lock_for_dead_letter(self, booking_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow(
            "SELECT revision, trace_context FROM bookings WHERE id = $1 FOR UPDATE", booking_id
        )

    async def visible(self, booking_id: uuid.UUID, lock: str = "") -> asyncpg.Record | None:
        """Its id, owner, status, times, title, space and organizer contact.

        ``lock`` is "" or "FOR SHARE" / "FOR UPDATE" to keep the booking's status still for the transaction.
        """
        assert lock in ("", "FOR SHARE", "FOR UPDATE")
        return await self.connection.fetchrow(
            "SELECT id, organizer_id, status, space_id, starts_at, ends_at, title, organizer, updated_at"
            f" FROM bookings WHERE id = $1 {lock}",
            booking_id,
        )

    async def by_idempotency_key(self, key: str) -> asyncpg.Record | None:
        return await self.connection.fetchrow(
            "SELECT id, request_hash, status, first_status, trace_id FROM bookings WHERE idempotency_key = $1",
            key,
        )

    async def attendees(self, booking_id: uuid.UUID) -> int:
        return int(await self.connection.fetchval("SELECT attendees FROM bookings WHERE id = $1", booking_id))

    async def live_revision(self, booking_id: uuid.UUID) -> int:
        revision: int = await self.connection.fetchval(
            "SELECT revision FROM bookings WHERE id = $1", booking_id
        )
        return revision

    async def held(self, booking_id: uuid.UUID) -> ReleasedHold | None:
        """The space and the interval the booking blocks, before its hold is released."""
        row = await self.connection.fetchrow(
            "SELECT space_id, blocked FROM bookings WHERE id = $1", booking_id
        )
        if row is None or row["blocked"] is None:
            return None
        return ReleasedHold(row["space_id"], Interval(row["blocked"].lower, row["blocked"].upper))

    async def set_first_status(self, booking_id: uuid.UUID, status: str) -> None:
        await self.connection.execute(
            "UPDATE bookings SET first_status = $2 WHERE id = $1", booking_id, status
        )

    async def record_cancellation(
        self, booking_id: uuid.UUID, actor: str, percent: int, fee: int, base: int
    ) -> None:
        await self.connection.execute(
            "UPDATE bookings SET cancelled_at = now(), cancelled_by = $2, fee_percent = $3, fee_minor = $4,"
            " fee_base_minor = $5 WHERE id = $1",
            booking_id,
            actor,
            percent,
            fee,
            base,
        )

    async def replace_plan(self, booking_id: uuid.UUID, plan: dict[str, Any], revision: int) -> None:
        """The plan of ``revision`` becomes the booking's, blocking what its holds block."""
        await self.connection.execute(
            _REPLACE_PLAN,
            booking_id,
            plan["space_id"],
            plan["layout"],
            plan["starts_at"],
            plan["ends_at"],
            plan["attendees"],
            plan["title"],
            plan["interpreting"],
            plan["catering"],
            revision,
        )
