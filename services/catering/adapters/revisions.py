"""The plan revisions of one booking's order, read in one statement: each command needs to see them together."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import asyncpg

from services.catering.adapters import repository

HOLDING = ("held", "confirmed")


@dataclass(frozen=True)
class Revisions:
    """Every order row of a booking (a revision we reserved, rejected, released or tombstoned)."""

    rows: list[asyncpg.Record]

    def get(self, revision: int) -> asyncpg.Record | None:
        return next((row for row in self.rows if row["revision"] == revision), None)

    @property
    def confirmed(self) -> int | None:
        """The firm revision, if any (at most one: confirming a revision releases the older ones)."""
        return max((row["revision"] for row in self.rows if row["status"] == "confirmed"), default=None)

    def guaranteed(self, revision: int) -> int | None:
        """The headcount a change to ``revision`` departs from: the firm one, else the newest older held one."""
        if self.confirmed is not None:
            confirmed = self.get(self.confirmed)
            assert confirmed is not None
            return confirmed["headcount"]
        older = self.older_holding(revision)
        return older[-1]["headcount"] if older else None

    def older_holding(self, revision: int) -> list[asyncpg.Record]:
        """Orders of revisions before ``revision`` that still hold covers: the plans its confirm supersedes."""
        return [row for row in self.rows if row["revision"] < revision and row["status"] in HOLDING]


async def revisions(connection: asyncpg.Connection, booking_id: uuid.UUID) -> Revisions:
    return Revisions(await repository.orders(connection, booking_id))
