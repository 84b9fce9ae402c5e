"""Use cases of quotes: price a request and keep it; show a quote to its owner or staff."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg

from services.venue.adapters import quotes
from services.venue.domain.access import Principal
from services.venue.domain.catalog import Catalog
from services.venue.domain.quote_rules import check
from services.venue.domain.quotes import QuoteRequest, price
from services.venue.domain.rates import RateCard
from services.venue.usecases.common import Invalid, NotFound, visible_booking
from shared.db.unit_of_work import Database


async def create_quote(
    database: Database,
    catalog: Catalog,
    rates: RateCard,
    lines_in_pool: int,
    principal: Principal,
    request: QuoteRequest,
    body: dict[str, Any],
    now: datetime,
) -> asyncpg.Record:
    """Price the request and store the quote for the caller; Invalid names every field at fault."""
    violations = check(request, catalog, rates, lines_in_pool, now)
    if violations:
        raise Invalid(violations)
    priced = price(request, catalog, rates, now)
    async with database.connection() as connection:
        return await quotes.insert_quote(
            connection, uuid.uuid4(), principal.account_id, request, body, priced
        )


async def get_quote(database: Database, principal: Principal, quote_id: uuid.UUID) -> asyncpg.Record:
    async with database.connection() as connection:
        row = await quotes.quote(connection, quote_id)
    if row is None or not principal.may_see(row["owner_id"]):
        raise NotFound(f"quote {quote_id} does not exist")
    return row


async def quote_of_booking(database: Database, principal: Principal, booking_id: uuid.UUID) -> asyncpg.Record:
    """The quote the booking was made from; NotFound when it has none."""
    async with database.connection() as connection:
        await visible_booking(connection, principal, booking_id)
        row = await quotes.quote_of_booking(connection, booking_id)
    if row is None:
        raise NotFound(f"booking {booking_id} was made without a quote")
    return row
