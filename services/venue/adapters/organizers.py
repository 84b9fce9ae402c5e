"""SQL for the staff's view of organizers: search by name, organization, e-mail or phone, and counts.

The search uses the bigram index of migration 014: the same expressions as the index, so PostgreSQL
can use it (``search_bigrams(account_search_text(...)) @> search_bigrams($needle)``).
"""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

_HAYSTACK = "account_search_text(name, organization, email, phone)"
_MATCHES = f"search_bigrams({_HAYSTACK}) @> search_bigrams($1::text) AND strpos({_HAYSTACK}, $1::text) > 0"
_AFTER = "(lower(name), id) > ($2::text, $3::uuid)"


def _search_sql(needle: bool, after: bool) -> str:
    # one statement per shape, no "$1 IS NULL OR ...": a prepared statement's generic plan could not
    # use the index through such an OR
    conditions = ["role = 'organizer'", _MATCHES if needle else "$1::text IS NULL"]
    conditions.append(_AFTER if after else "$2::text IS NULL AND $3::uuid IS NULL")
    return f"SELECT *, lower(name) AS sort_name FROM accounts WHERE {' AND '.join(conditions)} ORDER BY lower(name), id LIMIT $4"


_SEARCHES = {
    (needle, after): _search_sql(needle, after) for needle in (True, False) for after in (True, False)
}


class OrganizerDirectory:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def search(
        self, needle: str | None, after: tuple[str, uuid.UUID] | None, limit: int
    ) -> list[asyncpg.Record]:
        """Organizers whose search text contains ``needle`` (all if None), by name, after the cursor."""
        after_name, after_id = after if after else (None, None)
        sql = _SEARCHES[needle is not None, after is not None]
        return await self.connection.fetch(sql, needle, after_name, after_id, limit)

    async def explain_search(self, needle: str | None, limit: int) -> str:
        """The plan of a search (tests and the bench show it uses the index)."""
        sql = _SEARCHES[needle is not None, False]
        rows = await self.connection.fetch(f"EXPLAIN {sql}", needle, None, None, limit)
        return "\n".join(row[0] for row in rows)

    async def booking_counts(self, account_id: uuid.UUID, now: datetime) -> tuple[dict[str, int], int]:
        """The organizer's bookings by status, and how many are still to come (not ended, not given up)."""
        rows = await self.connection.fetch(
            "SELECT status, count(*) AS n, count(*) FILTER (WHERE ends_at > $2) AS upcoming"
            " FROM bookings WHERE organizer_id = $1 GROUP BY status",
            account_id,
            now,
        )
        by_status = {row["status"]: row["n"] for row in rows}
        upcoming = sum(row["upcoming"] for row in rows if row["status"] in ("option", "pending", "confirmed"))
        return by_status, upcoming
