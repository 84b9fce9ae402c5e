"""SQL for visa invitation letters: request, the staff's decision (issue or refuse), revocation, the public
verification by number and code, and the sealed PDF (docs/guests.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg

_LIVE = "status IN ('requested', 'issued')"
_TO_ISSUE = """
SELECT l.id, l.status, l.booking_id, r.id AS registration_id, r.full_name, r.nationality, r.key_id,
       r.passport_sealed, r.birth_date_sealed, r.updated_at, b.title, b.starts_at, b.ends_at, b.space_id,
       coalesce(a.organization, b.organizer->>'name') AS organization
FROM invitation_letters l
JOIN guest_registrations r ON r.id = l.registration_id
JOIN bookings b ON b.id = l.booking_id
LEFT JOIN accounts a ON a.id = b.organizer_id
WHERE l.id = $1
"""


class LetterRepository:
    """Invitation letters, on the unit's connection. State changes are conditional on the state they leave,
    so two staff deciding one letter at once cannot both win."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def request(self, registration_id: uuid.UUID, booking_id: uuid.UUID) -> uuid.UUID | None:
        """A new requested letter's id, or None when the guest already has one requested or issued."""
        return await self.connection.fetchval(
            "INSERT INTO invitation_letters (id, registration_id, booking_id) VALUES ($1, $2, $3)"
            f" ON CONFLICT (registration_id) WHERE {_LIVE} DO NOTHING RETURNING id",
            uuid.uuid4(),
            registration_id,
            booking_id,
        )

    async def letter(self, letter_id: uuid.UUID, lock: bool = False) -> asyncpg.Record | None:
        return await self.connection.fetchrow(
            "SELECT id, registration_id, booking_id, status, number, facts, requested_at, decided_at, decided_by,"
            " revoked_at, revoked_by, reason FROM invitation_letters WHERE id = $1"
            + (" FOR UPDATE" if lock else ""),
            letter_id,
        )

    async def to_issue(self, letter_id: uuid.UUID, lock: bool = False) -> asyncpg.Record | None:
        """What the letter prints (the guest's sealed fields, the event, the inviting organization)."""
        return await self.connection.fetchrow(_TO_ISSUE + (" FOR UPDATE OF l, r" if lock else ""), letter_id)

    async def next_number(self) -> int:
        """The next value of the letter sequence (never handed out twice, even if the issue rolls back)."""
        return await self.connection.fetchval("SELECT nextval('invitation_letter_numbers')")  # type: ignore[no-any-return]

    async def issue(
        self,
        letter_id: uuid.UUID,
        number: str,
        code_hash: bytes,
        facts: dict[str, Any],
        key_id: str,
        pdf_sealed: bytes,
        actor: str,
        now: datetime,
    ) -> bool:
        """Issue a requested letter; False when it is not requested any more."""
        tag = await self.connection.execute(
            "UPDATE invitation_letters SET status = 'issued', number = $2, code_hash = $3, facts = $4, key_id = $5,"
            " pdf_sealed = $6, decided_by = $7, decided_at = $8 WHERE id = $1 AND status = 'requested'",
            letter_id,
            number,
            code_hash,
            facts,
            key_id,
            pdf_sealed,
            actor,
            now,
        )
        return tag == "UPDATE 1"

    async def refuse(self, letter_id: uuid.UUID, reason: str, actor: str, now: datetime) -> bool:
        tag = await self.connection.execute(
            "UPDATE invitation_letters SET status = 'refused', reason = $2, decided_by = $3, decided_at = $4"
            " WHERE id = $1 AND status = 'requested'",
            letter_id,
            reason,
            actor,
            now,
        )
        return tag == "UPDATE 1"

    async def revoke(self, letter_id: uuid.UUID, reason: str, actor: str, now: datetime) -> bool:
        """Revoke a requested or issued letter and delete its PDF; its number and facts stay for verification."""
        tag = await self.connection.execute(
            "UPDATE invitation_letters SET status = 'revoked', reason = $2, revoked_by = $3, revoked_at = $4,"
            f" key_id = NULL, pdf_sealed = NULL WHERE id = $1 AND {_LIVE}",
            letter_id,
            reason,
            actor,
            now,
        )
        return tag == "UPDATE 1"

    async def live_of(self, registration_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow(
            f"SELECT id, status, number FROM invitation_letters WHERE registration_id = $1 AND {_LIVE}",
            registration_id,
        )

    async def latest_of(self, registration_id: uuid.UUID) -> asyncpg.Record | None:
        """The guest's latest letter (any state): what their page shows."""
        return await self.connection.fetchrow(
            "SELECT id, status, number, requested_at, decided_at, reason FROM invitation_letters"
            " WHERE registration_id = $1 ORDER BY requested_at DESC, id LIMIT 1",
            registration_id,
        )

    async def verify(self, number: str, code_hash: bytes) -> asyncpg.Record | None:
        """An issued or revoked letter's state and facts, only when number and code belong together."""
        return await self.connection.fetchrow(
            "SELECT booking_id, number, status, facts, decided_at AS issued_at, revoked_at FROM invitation_letters"
            " WHERE number = $1 AND code_hash = $2 AND status IN ('issued', 'revoked')",
            number,
            code_hash,
        )

    async def sealed_pdf(self, letter_id: uuid.UUID) -> tuple[str, bytes] | None:
        row = await self.connection.fetchrow(
            "SELECT key_id, pdf_sealed FROM invitation_letters WHERE id = $1 AND status = 'issued'", letter_id
        )
        return (row["key_id"], row["pdf_sealed"]) if row and row["pdf_sealed"] is not None else None

    async def pdf_of_registration(self, registration_id: uuid.UUID) -> asyncpg.Record | None:
        """The guest's issued letter with its sealed PDF, if they have one."""
        return await self.connection.fetchrow(
            "SELECT id, booking_id, number, key_id, pdf_sealed FROM invitation_letters"
            " WHERE registration_id = $1 AND status = 'issued' AND pdf_sealed IS NOT NULL",
            registration_id,
        )

    async def queue(self, status: str, limit: int) -> list[asyncpg.Record]:
        """Letters in ``status``, oldest request first (staff's queue)."""
        return await self.connection.fetch(
            "SELECT l.id, l.registration_id, l.booking_id, l.status, l.number, l.requested_at, r.full_name,"
            " r.nationality, b.title FROM invitation_letters l JOIN bookings b ON b.id = l.booking_id"
            " LEFT JOIN guest_registrations r ON r.id = l.registration_id"
            " WHERE l.status = $1 ORDER BY l.requested_at, l.id LIMIT $2",
            status,
            limit,
        )
