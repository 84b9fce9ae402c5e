"""SQL for exchange-activity records and the performance sheet that adds them up."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg

_UPSERT = """
INSERT INTO activity_records (booking_id, physical_attendees, online_attendees, guest_countries, media_reports,
                              cooperation_partners, follow_up_actions, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (booking_id) DO UPDATE SET
    physical_attendees = excluded.physical_attendees, online_attendees = excluded.online_attendees,
    guest_countries = excluded.guest_countries, media_reports = excluded.media_reports,
    cooperation_partners = excluded.cooperation_partners, follow_up_actions = excluded.follow_up_actions,
    recorded_by = excluded.recorded_by, updated_at = now()
RETURNING *
"""
# events held: confirmed bookings that ended in the period, whether or not anyone recorded them
_SHEET = """
WITH held AS (
    SELECT id FROM bookings WHERE status = 'confirmed' AND ends_at >= $1 AND ends_at < $2 AND ends_at <= $3
), recorded AS (
    SELECT r.* FROM activity_records r JOIN held ON held.id = r.booking_id
)
SELECT (SELECT count(*) FROM held) AS events_held,
       (SELECT count(*) FROM recorded) AS events_recorded,
       (SELECT coalesce(sum(physical_attendees), 0) FROM recorded) AS guests,
       (SELECT coalesce(sum(online_attendees), 0) FROM recorded) AS online_attendance,
       (SELECT coalesce(sum(media_reports), 0) FROM recorded) AS media_reports,
       (SELECT coalesce(array_agg(DISTINCT code ORDER BY code), '{}')
          FROM recorded, unnest(guest_countries) AS code) AS countries,
       (SELECT count(DISTINCT lower(partner)) FROM recorded, unnest(cooperation_partners) AS partner)
          AS cooperation_partners
"""


class RecordRepository:
    """Activity records and the performance sheet, on the unit's connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def save_record(
        self, booking_id: uuid.UUID, record: dict[str, Any], recorded_by: str
    ) -> asyncpg.Record:
        return await self.connection.fetchrow(
            _UPSERT,
            booking_id,
            record["physical_attendees"],
            record["online_attendees"],
            record["guest_countries"],
            record["media_reports"],
            record["cooperation_partners"],
            record["follow_up_actions"],
            recorded_by,
        )

    async def record(self, booking_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow(
            "SELECT * FROM activity_records WHERE booking_id = $1", booking_id
        )

    async def performance_sheet(
        self, starts_at: datetime, ends_at: datetime, now: datetime
    ) -> asyncpg.Record:
        """The period's totals; guest countries and partners are counted once however many events had them."""
        return await self.connection.fetchrow(_SHEET, starts_at, ends_at, now)
