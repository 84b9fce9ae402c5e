"""Quotes: price a request before booking; the booking keeps the quote it was made from."""

from __future__ import annotations

import functools
import uuid
from datetime import UTC, datetime

import asyncpg
import msgspec
from litestar import Controller, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.status_codes import HTTP_201_CREATED

from services.venue.domain.access import Principal
from services.venue.domain.network_lines import load_line_pool
from services.venue.domain.quotes import QuoteRequest
from services.venue.domain.rates import load_rate_card
from services.venue.entrypoints.addon_schemas import QuoteCreate, QuoteLine, QuoteOut
from services.venue.entrypoints.auth import authenticate
from services.venue.entrypoints.refusals import REFUSALS
from services.venue.usecases import quotes
from shared.service import Context

rate_card = functools.cache(load_rate_card)
line_pool = functools.cache(load_line_pool)


def _request(data: QuoteCreate) -> QuoteRequest:
    return QuoteRequest(
        space_id=data.space_id,
        layout=data.layout,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        attendees=data.attendees,
        floor_language=data.interpreting.floor_language if data.interpreting else None,
        target_languages=tuple(data.interpreting.target_languages) if data.interpreting else (),
        catering_menu=data.catering.menu if data.catering else None,
        catering_headcount=data.catering.headcount if data.catering else None,
        network_lines=data.network_lines,
    )


def quote_out(row: asyncpg.Record) -> QuoteOut:
    return QuoteOut(
        quote_id=row["id"],
        request=msgspec.convert(row["request"], QuoteCreate),
        items=[
            QuoteLine(
                item=i["item"],
                description=i["description"],
                quantity=i["quantity"],
                unit=i["unit"],
                unit_price_minor=i["unit_price"],
                amount_minor=i["amount"],
            )
            for i in row["items"]
        ],
        total_minor=row["total_minor"],
        currency=row["currency"],
        valid_until=row["valid_until"],
        note=row["note"],
        created_at=row["created_at"],
    )


class QuotesController(Controller):
    path = "/"
    tags = ["quotes"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = REFUSALS

    @post("/quotes", operation_id="CreateQuote", status_code=HTTP_201_CREATED)
    async def create(
        self, data: QuoteCreate, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> Response[QuoteOut]:
        """Price a booking request (space, interpretation, catering, network lines); valid for 14 days."""
        row = await quotes.create_quote(
            context.database,
            context.state["catalog"],
            rate_card(),
            len(line_pool().lines),
            principal,
            _request(data),
            msgspec.to_builtins(data),
            datetime.now(UTC),
        )
        return Response(
            quote_out(row), status_code=HTTP_201_CREATED, headers={"Location": f"/quotes/{row['id']}"}
        )

    @get("/quotes/{quote_id:uuid}", operation_id="GetQuote")
    async def get_quote(
        self, quote_id: uuid.UUID, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> QuoteOut:
        """A quote, to the organizer who asked for it (and to staff and ops)."""
        return quote_out(await quotes.get_quote(context.database, principal, quote_id))

    @get("/bookings/{booking_id:uuid}/quote", operation_id="GetBookingQuote")
    async def booking_quote(
        self, booking_id: uuid.UUID, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> QuoteOut:
        """The quote the booking was made from (404 when it was booked without one)."""
        return quote_out(await quotes.quote_of_booking(context.database, principal, booking_id))
