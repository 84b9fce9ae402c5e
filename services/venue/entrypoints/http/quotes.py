"""Quotes: price a request before booking; the booking keeps the quote it was made from."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import asyncpg
import msgspec
from litestar import Controller, Response, get, post
from litestar.di import Provide
from litestar.status_codes import HTTP_201_CREATED

from services.venue.domain.access import Principal
from services.venue.domain.quotes import NOTE_CODE, QuoteRequest, stored_code
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.entrypoints.schemas.quotes import Quote, QuoteCreate, QuoteLine
from services.venue.handlers import quotes


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


def quote_out(row: asyncpg.Record) -> Quote:
    return Quote(
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
                code=stored_code(i),
                params=i.get("params", {}),
            )
            for i in row["items"]
        ],
        total_minor=row["total_minor"],
        currency=row["currency"],
        valid_until=row["valid_until"],
        note=row["note"],
        note_code=NOTE_CODE,
        created_at=row["created_at"],
    )


class QuotesController(Controller):
    path = "/"
    tags = ["quotes"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = REFUSALS

    @post("/quotes", operation_id="CreateQuote", status_code=HTTP_201_CREATED)
    async def create(
        self, data: QuoteCreate, deps: VenueDependencies, principal: Principal
    ) -> Response[Quote]:
        """Price a booking request (space, interpretation, catering, network lines); valid for 14 days."""
        row = await quotes.create_quote(
            deps.database,
            deps.catalog,
            deps.rates,
            len(deps.line_pool.lines),
            principal,
            _request(data),
            msgspec.to_builtins(data),
            datetime.now(UTC),
        )
        return Response(
            quote_out(row), status_code=HTTP_201_CREATED, headers={"Location": f"/quotes/{row['id']}"}
        )

    @get("/quotes/{quote_id:uuid}", operation_id="GetQuote")
    async def get_quote(self, quote_id: uuid.UUID, deps: VenueDependencies, principal: Principal) -> Quote:
        """A quote, to the organizer who asked for it (and to staff and ops)."""
        return quote_out(await quotes.get_quote(deps.database, principal, quote_id))

    @get("/bookings/{booking_id:uuid}/quote", operation_id="GetBookingQuote")
    async def booking_quote(
        self, booking_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> Quote:
        """The quote the booking was made from (404 when it was booked without one)."""
        return quote_out(await quotes.quote_of_booking(deps.database, principal, booking_id))
