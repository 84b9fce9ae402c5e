"""SQL for a space's busy blocks: what its calendar feed shows (times only, no booking data)."""

from __future__ import annotations

from datetime import datetime

import asyncpg


async def busy_blocks(
    connection: asyncpg.Connection, units: list[str], starts_at: datetime, ends_at: datetime
) -> list[asyncpg.Record]:
    """One block per booking holding any of ``units`` in the window: its blocked time, setup included."""
    return await connection.fetch(
        "SELECT booking_id, min(lower(during)) AS starts_at, max(upper(during)) AS ends_at FROM space_holds"
        " WHERE unit = ANY($1::text[]) AND during && tstzrange($2, $3)"
        " GROUP BY booking_id ORDER BY 2, 1",
        units,
        starts_at,
        ends_at,
    )
