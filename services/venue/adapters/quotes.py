"""SQL for quotes and the quote a booking keeps. Every function runs on the caller's connection."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg
import msgspec

from services.venue.domain.booking import Violation
from services.venue.domain.quote_rules import quote_refusal
from services.venue.domain.quotes import Quote, QuoteRequest

_FOR_BOOKING = """
SELECT q.owner_id, q.space_id, q.starts_at, q.ends_at, q.valid_until,
       b.organizer_id, b.created_by, b.space_id AS booking_space_id,
       b.starts_at AS booking_starts_at, b.ends_at AS booking_ends_at
FROM quotes q, bookings b WHERE q.id = $1 AND b.id = $2
"""


class QuoteRepository:
    """Quotes and the quote a booking keeps, on the unit's connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def insert_quote(
        self,
        quote_id: uuid.UUID,
        owner_id: uuid.UUID,
        request: QuoteRequest,
        body: dict[str, Any],
        quote: Quote,
    ) -> asyncpg.Record:
        """Store a priced quote with the request body it priced (shown with the quote)."""
        return await self.connection.fetchrow(
            "INSERT INTO quotes (id, owner_id, space_id, starts_at, ends_at, request, items, total_minor, currency,"
            " note, valid_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *",
            quote_id,
            owner_id,
            request.space_id,
            request.starts_at,
            request.ends_at,
            body,
            msgspec.to_builtins(quote.items),
            quote.total,
            quote.currency,
            quote.note,
            quote.valid_until,
        )

    async def quote(self, quote_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow("SELECT * FROM quotes WHERE id = $1", quote_id)

    async def quote_of_booking(self, booking_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow(
            "SELECT q.* FROM booking_quotes bq JOIN quotes q ON q.id = bq.quote_id WHERE bq.booking_id = $1",
            booking_id,
        )

    async def attach_quote(
        self, booking_id: uuid.UUID, quote_id: uuid.UUID, now: datetime
    ) -> list[Violation]:
        """Link the booking (inserted earlier in this transaction) to its quote; the reasons if it does not fit.

        The quote must exist, belong to the booking's organizer (or whoever booked for them), still be
        valid, and be for the same space and time.
        """
        row = await self.connection.fetchrow(_FOR_BOOKING, quote_id, booking_id)
        reason = quote_refusal(dict(row), now) if row else "no such quote"
        if reason:
            return [Violation("quote_id", reason)]
        await self.connection.execute(
            "INSERT INTO booking_quotes (booking_id, quote_id) VALUES ($1, $2)"
            " ON CONFLICT (booking_id) DO UPDATE SET quote_id = excluded.quote_id",
            booking_id,
            quote_id,
        )
        return []
