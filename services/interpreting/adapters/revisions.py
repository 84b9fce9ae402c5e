"""The plan revisions of one booking, read in one statement: each command needs to see them together."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import asyncpg

HOLDING = ("held", "confirmed")


@dataclass(frozen=True)
class Revisions:
    """Every reservation row of a booking (a revision we reserved, rejected, released or tombstoned)."""

    rows: list[asyncpg.Record]

    def get(self, revision: int) -> asyncpg.Record | None:
        return next((row for row in self.rows if row["revision"] == revision), None)

    @property
    def confirmed(self) -> int | None:
        """The firm revision, if any (at most one: confirming a revision releases the older ones)."""
        return max((row["revision"] for row in self.rows if row["status"] == "confirmed"), default=None)

    def older_holding(self, revision: int) -> list[int]:
        """Revisions before ``revision`` that still hold something: the plans its confirm supersedes."""
        return [
            row["revision"] for row in self.rows if row["revision"] < revision and row["status"] in HOLDING
        ]


async def revisions(connection: asyncpg.Connection, booking_id: uuid.UUID) -> Revisions:
    rows = await connection.fetch(
        "SELECT * FROM reservations WHERE booking_id = $1 ORDER BY revision", booking_id
    )
    return Revisions(list(rows))
