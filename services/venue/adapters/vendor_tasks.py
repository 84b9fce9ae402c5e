"""SQL for the vendor task states the participant services report, per booking and for the duty desk."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from shared.contracts import VendorTaskStateChanged

# ON CONFLICT locks the existing row, so of two concurrent reports the higher version is the one kept
_UPSERT = """
INSERT INTO vendor_task_states (task_id, booking_id, kind, vendor_id, state, reason, answer_due, version, updated_at)
SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE EXISTS (SELECT 1 FROM bookings WHERE id = $2)
ON CONFLICT (task_id) DO UPDATE SET
    booking_id = excluded.booking_id, kind = excluded.kind, vendor_id = excluded.vendor_id,
    state = excluded.state, reason = excluded.reason, answer_due = excluded.answer_due,
    version = excluded.version, updated_at = excluded.updated_at
WHERE vendor_task_states.version < excluded.version
"""


_COLUMNS = "task_id, booking_id, kind, vendor_id, state, reason, answer_due, version, updated_at"


@dataclass(frozen=True)
class DeskQuery:
    """Which tasks the duty desk lists: oldest change first, after the ``after`` position if given."""

    state: str | None = None
    kind: str | None = None
    booking_id: uuid.UUID | None = None
    after: tuple[datetime, str] | None = None
    limit: int = 100


_DESK = """
SELECT t.task_id, t.booking_id, t.kind, t.vendor_id, t.state, t.reason, t.answer_due, t.version, t.updated_at,
       b.title, b.starts_at, b.organizer ->> 'time_zone' AS organizer_zone
FROM vendor_task_states t JOIN bookings b ON b.id = t.booking_id
WHERE ($1::text IS NULL OR t.state = $1) AND ($2::text IS NULL OR t.kind = $2)
  AND ($3::uuid IS NULL OR t.booking_id = $3)
  AND ($4::timestamptz IS NULL OR (t.updated_at, t.task_id) > ($4, $5::text))
ORDER BY t.updated_at, t.task_id
LIMIT $6
"""


class VendorTaskRepository:
    """Vendor task states, on the unit's connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def save_state(self, event: VendorTaskStateChanged) -> bool:
        """Keep the reported state unless a newer version is already kept; False if nothing changed."""
        status = await self.connection.execute(
            _UPSERT,
            event.task_id,
            event.booking_id,
            event.kind,
            event.vendor_id,
            event.state,
            event.reason,
            event.answer_due,
            event.version,
            event.occurred_at,
        )
        return status.endswith(" 1")

    async def of_booking(self, booking_id: uuid.UUID) -> list[asyncpg.Record]:
        return await self.connection.fetch(
            f"SELECT {_COLUMNS} FROM vendor_task_states WHERE booking_id = $1 ORDER BY kind, vendor_id, task_id",
            booking_id,
        )

    async def for_desk(self, query: DeskQuery) -> list[asyncpg.Record]:
        """The tasks the query asks for, each with its booking's title, start and organizer zone."""
        after_at, after_task = query.after or (None, None)
        return await self.connection.fetch(
            _DESK, query.state, query.kind, query.booking_id, after_at, after_task, query.limit
        )
