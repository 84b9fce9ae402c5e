"""SQL of the guest-data purge for self-registered guests: a booking's invitations, registrations (with
their sealed fields) and letters' PDFs once the booking will not take place or its retention ran out, and
letter rows (masked facts kept for verification) once their own, longer retention ran out."""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

PURGED = "guest data purged"
_DUE = """
SELECT b.id AS booking_id, b.status, b.ends_at FROM bookings b
WHERE b.id IN (SELECT booking_id FROM guest_invitations UNION SELECT booking_id FROM guest_registrations
               UNION SELECT booking_id FROM invitation_letters WHERE pdf_sealed IS NOT NULL)
  AND (b.status IN ('rejected', 'cancelled', 'expired') OR b.ends_at <= $1)
LIMIT 1 FOR UPDATE OF b SKIP LOCKED
"""


class GuestPurgeRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def due(self, ended_before: datetime) -> asyncpg.Record | None:
        """One booking whose guests' data must go (locked; other sweepers skip it), or None."""
        return await self.connection.fetchrow(_DUE, ended_before)

    async def purge(self, booking_id: uuid.UUID, now: datetime) -> dict[str, int]:
        """Delete the booking's guest data; letters keep number, state, dates and masked facts. Counts."""
        revoked = await self.connection.execute(
            "UPDATE invitation_letters SET status = 'revoked', reason = $2, revoked_by = 'system:guest-purge',"
            " revoked_at = $3 WHERE booking_id = $1 AND status = 'requested'",
            booking_id,
            PURGED,
            now,
        )
        pdfs = await self.connection.execute(
            "UPDATE invitation_letters SET key_id = NULL, pdf_sealed = NULL"
            " WHERE booking_id = $1 AND pdf_sealed IS NOT NULL",
            booking_id,
        )
        registrations = await self.connection.execute(
            "DELETE FROM guest_registrations WHERE booking_id = $1", booking_id
        )
        invitations = await self.connection.execute(
            "DELETE FROM guest_invitations WHERE booking_id = $1", booking_id
        )
        tags = {
            "registrations": registrations,
            "invitations": invitations,
            "pdfs": pdfs,
            "requests_ended": revoked,
        }
        return {name: int(tag.split()[-1]) for name, tag in tags.items()}

    async def purge_letters(self, decided_before: datetime, limit: int) -> int:
        """Delete letter rows decided (or asked for) before ``decided_before``; how many."""
        tag = await self.connection.execute(
            "DELETE FROM invitation_letters WHERE id IN (SELECT id FROM invitation_letters"
            " WHERE coalesce(revoked_at, decided_at, requested_at) < $1 LIMIT $2)",
            decided_before,
            limit,
        )
        return int(tag.split()[-1])
