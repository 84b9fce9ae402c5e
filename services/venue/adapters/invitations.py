"""SQL for the organizer's side of guest invitations: who is invited, in which state, re-sending a link,
ending one, and the counts a booking's guests give (docs/guests.md)."""

from __future__ import annotations

import uuid

import asyncpg

_LIST = """
SELECT i.id, i.email, i.locale, i.status, i.invited_at, i.expires_at, i.sent_count,
       r.id IS NOT NULL AS registered, r.checked_in_at,
       (SELECT l.status FROM invitation_letters l WHERE l.registration_id = r.id
        ORDER BY l.requested_at DESC, l.id LIMIT 1) AS letter_status
FROM guest_invitations i LEFT JOIN guest_registrations r ON r.invitation_id = i.id
WHERE i.booking_id = $1 ORDER BY i.invited_at, i.email
"""
_COUNTS = """
SELECT count(*) AS registered, count(checked_in_at) AS checked_in,
       count(*) FILTER (WHERE walk_in) AS walk_ins,
       coalesce((SELECT jsonb_object_agg(d, n) FROM (SELECT d, count(*) AS n FROM guest_registrations,
                 unnest(dietary) d WHERE booking_id = $1 GROUP BY d) x), '{}') AS dietary,
       coalesce((SELECT jsonb_object_agg(a, n) FROM (SELECT a, count(*) AS n FROM guest_registrations,
                 unnest(allergens) a WHERE booking_id = $1 GROUP BY a) x), '{}') AS allergens,
       coalesce((SELECT jsonb_object_agg(k, n) FROM (SELECT k, count(*) AS n FROM guest_registrations,
                 unnest(needs) k WHERE booking_id = $1 GROUP BY k) x), '{}') AS needs
FROM guest_registrations WHERE booking_id = $1
"""


class InvitationRepository:
    """A booking's invitations as its organizer sees them, on the unit's connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def of_booking(self, booking_id: uuid.UUID) -> list[asyncpg.Record]:
        return await self.connection.fetch(_LIST, booking_id)

    async def invited(self, booking_id: uuid.UUID) -> frozenset[str]:
        """The addresses with a live invitation to the booking (a withdrawn or revoked one may be invited again)."""
        rows = await self.connection.fetch(
            "SELECT email FROM guest_invitations WHERE booking_id = $1 AND status IN ('invited', 'registered')",
            booking_id,
        )
        return frozenset(row["email"] for row in rows)

    async def invite_again(
        self, booking_id: uuid.UUID, email: str, locale: str, token_hash: bytes, actor: str
    ) -> uuid.UUID | None:
        """Renew a withdrawn or revoked invitation of the address with a new link; None if there is none."""
        return await self.connection.fetchval(
            "UPDATE guest_invitations SET status = 'invited', locale = $3, token_hash = $4, invited_by = $5,"
            " invited_at = now(), sent_count = 1 WHERE booking_id = $1 AND email = $2"
            " AND status IN ('withdrawn', 'revoked') RETURNING id",
            booking_id,
            email,
            locale,
            token_hash,
            actor,
        )

    async def one(self, booking_id: uuid.UUID, invitation_id: uuid.UUID) -> asyncpg.Record | None:
        """The invitation, locked for a change (None when it is not this booking's)."""
        return await self.connection.fetchrow(
            "SELECT id, email, locale, status, sent_count, expires_at FROM guest_invitations"
            " WHERE id = $1 AND booking_id = $2 FOR UPDATE",
            invitation_id,
            booking_id,
        )

    async def new_link(self, invitation_id: uuid.UUID, token_hash: bytes) -> None:
        """A re-sent link replaces the one before (only the hash is kept, so the old secret cannot be re-sent)."""
        await self.connection.execute(
            "UPDATE guest_invitations SET token_hash = $2, sent_count = sent_count + 1 WHERE id = $1",
            invitation_id,
            token_hash,
        )

    async def revoke(self, invitation_id: uuid.UUID) -> int:
        """End the link and delete the guest's registration (and with it the sealed fields); rows deleted."""
        deleted = await self.connection.execute(
            "DELETE FROM guest_registrations WHERE invitation_id = $1", invitation_id
        )
        await self.connection.execute(
            "UPDATE guest_invitations SET status = 'revoked' WHERE id = $1", invitation_id
        )
        return int(deleted.split()[-1])

    async def counts(self, booking_id: uuid.UUID) -> asyncpg.Record:
        """Registered, checked in, walk-ins, and registrations per dietary choice, allergen and need."""
        return await self.connection.fetchrow(_COUNTS, booking_id)  # type: ignore[no-any-return]
