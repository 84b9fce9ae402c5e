"""SQL for guests who register themselves: invitations (the personal link), registrations (sealed passport
data), withdrawal, check-in at the door and its live counts (docs/guests.md)."""

from __future__ import annotations

import uuid
from dataclasses import astuple, dataclass, fields
from datetime import datetime

import asyncpg


@dataclass(frozen=True)
class SealedRegistration:
    """A registration as stored: passport number and birth date sealed by the handler, never in the clear."""

    id: uuid.UUID
    booking_id: uuid.UUID
    invitation_id: uuid.UUID | None
    full_name: str
    nationality: str
    key_id: str | None
    passport_sealed: bytes | None
    birth_date_sealed: bytes | None
    phone: str | None
    email: str | None
    locale: str
    dietary: list[str]
    allergens: list[str]
    needs: list[str]
    needs_note: str
    consent_version: str
    consent_locale: str
    consent_at: datetime
    cross_border: bool
    letter_wanted: bool
    check_code: str
    walk_in: bool = False


@dataclass(frozen=True)
class Door:
    """A pass scanned at the door: whether this scan checked the guest in, and the check-in as it stands."""

    first: bool
    registration_id: uuid.UUID
    booking_id: uuid.UUID
    full_name: str
    checked_in_at: datetime
    checked_in_space: str
    checked_in_by: str


_COLUMNS = [field.name for field in fields(SealedRegistration)]
_UPSERT = f"""
INSERT INTO guest_registrations ({", ".join(_COLUMNS)})
VALUES ({", ".join(f"${n}" for n in range(1, len(_COLUMNS) + 1))})
ON CONFLICT (invitation_id) DO UPDATE SET
    {", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c not in ("id", "booking_id", "invitation_id", "check_code", "walk_in"))},
    updated_at = now()
WHERE guest_registrations.id = excluded.id  -- sealed fields are bound to the id: a correction keeps it
RETURNING id
"""
_CHECK_IN = """
UPDATE guest_registrations SET checked_in_at = $2, checked_in_space = $3, checked_in_by = $4
WHERE check_code = $1 AND checked_in_at IS NULL
RETURNING id, booking_id, full_name, checked_in_at, checked_in_space, checked_in_by
"""
_COUNTS = """
SELECT r.booking_id, b.organizer_id, b.title, r.checked_in_space AS space, count(*) AS registered,
       count(r.checked_in_at) AS checked_in, count(*) FILTER (WHERE r.walk_in) AS walk_ins
FROM guest_registrations r JOIN bookings b ON b.id = r.booking_id
WHERE b.starts_at < $2 AND b.ends_at > $1
GROUP BY r.booking_id, b.organizer_id, b.title, r.checked_in_space ORDER BY r.booking_id, r.checked_in_space NULLS FIRST
"""


class RegistrationRepository:
    """Invitations, registrations and check-ins, on the unit's connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def invite(
        self,
        booking_id: uuid.UUID,
        email: str,
        locale: str,
        token_hash: bytes,
        actor: str,
        expires_at: datetime,
    ) -> uuid.UUID | None:
        """A new invitation's id, or None when the address is already invited to this booking."""
        return await self.connection.fetchval(
            "INSERT INTO guest_invitations (id, booking_id, email, locale, token_hash, invited_by, expires_at)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (booking_id, email) DO NOTHING RETURNING id",
            uuid.uuid4(),
            booking_id,
            email,
            locale,
            token_hash,
            actor,
            expires_at,
        )

    async def invitation_by_link(self, token_hash: bytes, lock: bool = False) -> asyncpg.Record | None:
        """The invitation a link opens, with its booking's state and times (locked for a change if asked)."""
        return await self.connection.fetchrow(
            "SELECT i.*, b.status AS booking_status, b.starts_at, b.ends_at, b.title FROM guest_invitations i"
            " JOIN bookings b ON b.id = i.booking_id WHERE i.token_hash = $1"
            + (" FOR UPDATE OF i" if lock else ""),
            token_hash,
        )

    async def save(self, registration: SealedRegistration) -> uuid.UUID:
        """Create or correct the registration of an invitation (a walk-in is always new); returns its id."""
        registration_id = await self.connection.fetchval(_UPSERT, *astuple(registration))
        if registration_id is None:
            raise ValueError(
                "a correction must keep the registration's id: its sealed fields are bound to it"
            )
        if registration.invitation_id is not None:
            await self.connection.execute(
                "UPDATE guest_invitations SET status = 'registered' WHERE id = $1", registration.invitation_id
            )
        return registration_id  # type: ignore[no-any-return]

    async def of_invitation(self, invitation_id: uuid.UUID) -> SealedRegistration | None:
        row = await self.connection.fetchrow(
            f"SELECT {', '.join(_COLUMNS)} FROM guest_registrations WHERE invitation_id = $1", invitation_id
        )
        return SealedRegistration(**dict(row)) if row else None

    async def withdraw(self, invitation_id: uuid.UUID) -> int:
        """Delete the guest's registration (and with it the sealed fields); the link stops working."""
        deleted = await self.connection.execute(
            "DELETE FROM guest_registrations WHERE invitation_id = $1", invitation_id
        )
        await self.connection.execute(
            "UPDATE guest_invitations SET status = 'withdrawn' WHERE id = $1", invitation_id
        )
        return int(deleted.split()[-1])  # the command tag: DELETE <rows>

    async def check_in(self, code: str, space: str, actor: str, now: datetime) -> Door | None:
        """Check the pass's guest in if nobody has; else the earlier check-in. None for an unknown pass.

        The conditional UPDATE decides: of two doors scanning one pass at once, exactly one checks it in.
        """
        row = await self.connection.fetchrow(_CHECK_IN, code, now, space, actor)
        first = row is not None
        if row is None:
            row = await self.connection.fetchrow(
                "SELECT id, booking_id, full_name, checked_in_at, checked_in_space, checked_in_by"
                " FROM guest_registrations WHERE check_code = $1",
                code,
            )
        if row is None:
            return None
        return Door(first, row["id"], row["booking_id"], row["full_name"], *tuple(row)[3:])

    async def pass_holder(self, code: str) -> asyncpg.Record | None:
        """The pass's registration with its booking's times and the earlier check-in, if any."""
        return await self.connection.fetchrow(
            "SELECT r.id, r.booking_id, r.checked_in_at, r.checked_in_space, r.checked_in_by,"
            " b.starts_at, b.ends_at FROM guest_registrations r JOIN bookings b ON b.id = r.booking_id"
            " WHERE r.check_code = $1",
            code,
        )

    async def at_door(self, registration_id: uuid.UUID) -> asyncpg.Record | None:
        """What the door shows of a checked-in guest: name, nationality, needs, the event's title."""
        return await self.connection.fetchrow(
            "SELECT r.full_name, r.nationality, r.needs, r.needs_note, b.title FROM guest_registrations r"
            " JOIN bookings b ON b.id = r.booking_id WHERE r.id = $1",
            registration_id,
        )

    async def on_site(
        self, scope: str, scope_id: str, starts_at: datetime, ends_at: datetime
    ) -> tuple[list[asyncpg.Record], list[asyncpg.Record]]:
        """Confirmed bookings overlapping the window within the scope, and their registered guests' contacts."""
        bookings = await self.connection.fetch(
            "SELECT id, title, space_id, starts_at, ends_at FROM bookings WHERE status = 'confirmed'"
            " AND starts_at < $2 AND ends_at > $1 AND ($3 = 'venue' OR ($3 = 'space' AND space_id = $4)"
            " OR ($3 = 'booking' AND id::text = $4)) ORDER BY starts_at, id",
            starts_at,
            ends_at,
            scope,
            scope_id,
        )
        guests = await self.connection.fetch(
            "SELECT id, booking_id, full_name, locale, coalesce(phone, '') AS phone, coalesce(email, '') AS email,"
            " checked_in_at IS NOT NULL AS checked_in FROM guest_registrations WHERE booking_id = ANY($1::uuid[])"
            " ORDER BY booking_id, id",
            [row["id"] for row in bookings],
        )
        return bookings, guests

    async def counts(self, day_starts: datetime, day_ends: datetime) -> list[asyncpg.Record]:
        """Per booking of the day and per space: registered, checked in, walk-ins (space NULL: not yet in)."""
        return await self.connection.fetch(_COUNTS, day_starts, day_ends)
