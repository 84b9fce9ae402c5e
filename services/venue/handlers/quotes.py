"""Use cases of quotes: price a request and keep it; show a quote to its owner or staff."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal
from services.venue.domain.catalog import Catalog
from services.venue.domain.quote_rules import check
from services.venue.domain.quotes import QuoteRequest, price
from services.venue.domain.rates import RateCard
from services.venue.handlers.errors import Invalid, NotFound
from services.venue.handlers.views import visible_booking


async def create_quote(
    database: VenueDatabase,
    catalog: Catalog,
    rates: RateCard,
    lines_in_pool: int,
    principal: Principal,
    request: QuoteRequest,
    body: dict[str, Any],
    now: datetime,
) -> Any:
    """Price the request and store the quote for the caller; Invalid names every field at fault."""
    violations = check(request, catalog, rates, lines_in_pool, now)
    if violations:
        raise Invalid(violations)
    priced = price(request, catalog, rates, now)
    async with database.autocommit() as unit:
        return await unit.quotes.insert_quote(uuid.uuid4(), principal.account_id, request, body, priced)


async def get_quote(database: VenueDatabase, principal: Principal, quote_id: uuid.UUID) -> Any:
    async with database.autocommit() as unit:
        row = await unit.quotes.quote(quote_id)
    if row is None or not principal.may_see(row["owner_id"]):
        raise NotFound(f"quote {quote_id} does not exist")
    return row


async def quote_of_booking(database: VenueDatabase, principal: Principal, booking_id: uuid.UUID) -> Any:
    """The quote the booking was made from; NotFound when it has none."""
    async with database.autocommit() as unit:
        await visible_booking(unit, principal, booking_id)
        row = await unit.quotes.quote_of_booking(booking_id)
    if row is None:
        raise NotFound(f"booking {booking_id} was made without a quote")
    return row
