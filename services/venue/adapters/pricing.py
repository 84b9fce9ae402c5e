"""The price a cancellation fee is a share of: the booking's own quote, else today's rate card."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import asyncpg

from services.venue.adapters.quotes import QuoteRepository
from services.venue.domain.catalog import Catalog
from services.venue.domain.quotes import booked_request, price
from services.venue.domain.rates import RateCard


def booking_price(
    pool: asyncpg.Pool, catalog: Catalog, rates: RateCard
) -> Callable[[asyncpg.Record], Awaitable[int]]:
    """A function from a booking row to its price in minor units."""

    async def price_of(row: asyncpg.Record) -> int:
        async with pool.acquire() as connection:
            kept = await QuoteRepository(connection).quote_of_booking(row["id"])
        if kept is not None:
            return int(kept["total_minor"])
        return price(booked_request(row), catalog, rates, datetime.now(UTC)).total

    return price_of
