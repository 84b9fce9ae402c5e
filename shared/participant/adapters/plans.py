"""SQL on a participant's plan table (catering_orders, reservations): one row per booking and plan revision,
with at least ``booking_id``, ``revision``, ``status``, ``reason`` and ``updated_at``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import asyncpg

from shared.participant.domain.plans import HOLDING, PlanKey, Revisions, Row


@dataclass(frozen=True)
class PlanTable:
    """The statements every participant runs on its plan table; ``name`` is the table (a constant)."""

    name: str

    async def revisions(self, connection: asyncpg.Connection, booking_id: uuid.UUID) -> Revisions:
        """Every revision of the booking, in one statement: each command needs to see them together."""
        rows = await connection.fetch(
            f"SELECT * FROM {self.name} WHERE booking_id = $1 ORDER BY revision", booking_id
        )
        return Revisions(list(rows))

    async def holding(self, connection: asyncpg.Connection, key: PlanKey) -> Row | None:
        """The revision's row if it still holds something (held or confirmed): what a takeover takes over."""
        row = (await self.revisions(connection, key.booking_id)).get(key.revision)
        return row if row is not None and row["status"] in HOLDING else None

    async def set_status(
        self, connection: asyncpg.Connection, key: PlanKey, status: str, reason: str | None = None
    ) -> None:
        """Move a revision to ``status``; ``reason`` (if given) says why."""
        await connection.execute(
            f"UPDATE {self.name} SET status = $3, reason = coalesce($4, reason), updated_at = now()"
            " WHERE booking_id = $1 AND revision = $2",
            key.booking_id,
            key.revision,
            status,
            reason,
        )

    async def record_outcome(
        self, connection: asyncpg.Connection, key: PlanKey, status: str, reason: str
    ) -> None:
        """A revision that holds nothing: rejected, or the tombstone of an early release."""
        await connection.execute(
            f"INSERT INTO {self.name} (booking_id, revision, status, reason) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT (booking_id, revision) DO UPDATE SET status = $3, reason = $4, updated_at = now()",
            key.booking_id,
            key.revision,
            status,
            reason,
        )
