"""Helpers for the add-on integration tests: a migrated database, accounts, bookings written directly.

Bookings are inserted by SQL on purpose: the API refuses past bookings, and records need events
that have ended.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path

import asyncpg

from services.venue.adapters.accounts import AccountRepository
from services.venue.domain.access import Principal, Role, new_api_key

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


async def new_account(pool: asyncpg.Pool, role: Role, name: str = "Ann") -> Principal:
    fields = {"name": name, "email": f"{name.lower()}-{uuid.uuid4().hex[:8]}@example.org", "locale": "en"}
    async with pool.acquire() as connection:
        accounts = AccountRepository(connection)
        account_id = await accounts.create_account(role, fields, new_api_key(), "test")
        principal = await accounts.account(account_id)
    assert principal is not None
    return principal


async def insert_booking(
    pool: asyncpg.Pool,
    organizer: Principal,
    starts_at: datetime,
    ends_at: datetime,
    status: str = "confirmed",
    space_id: str = "room-a",
    units: tuple[str, ...] = ("room-a",),
    buffer: timedelta = timedelta(minutes=30),
    title: str = "Forum",
) -> uuid.UUID:
    """A booking in any status, with a hall hold on ``units`` (none if empty) while it holds anything."""
    booking_id = uuid.uuid4()
    phase = status if status in ("confirmed", "rejected", "cancelled") else "running"
    contact = {"name": organizer.name, "email": organizer.email, "locale": "en", "time_zone": "Europe/Berlin"}
    async with pool.acquire() as connection, connection.transaction():
        await connection.execute(
            "INSERT INTO bookings (id, request_hash, space_id, layout, starts_at, ends_at, blocked, attendees, title,"
            " organizer, status, phase, trace_id, organizer_id, created_by)"
            " VALUES ($1, '', $2, 'theater', $3, $4, tstzrange($5, $6), 50, $7, $8, $9, $10, '', $11, $11)",
            booking_id,
            space_id,
            starts_at,
            ends_at,
            starts_at - buffer,
            ends_at + buffer,
            title,
            contact,
            status,
            phase,
            organizer.account_id,
        )
        if units and status in ("pending", "confirmed", "option"):
            await connection.execute(
                "INSERT INTO space_holds (booking_id, unit, during)"
                " SELECT $1, unit, tstzrange($3, $4) FROM unnest($2::text[]) AS unit",
                booking_id,
                list(units),
                starts_at - buffer,
                ends_at + buffer,
            )
    return booking_id


async def audit_actions(pool: asyncpg.Pool, booking_id: uuid.UUID) -> list[str]:
    rows = await pool.fetch("SELECT action FROM audit_log WHERE booking_id = $1 ORDER BY id", booking_id)
    return [row["action"] for row in rows]
