"""The venue's NATS consumers: participant events advance the booking saga."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from services.venue.domain import saga as rules
from services.venue.domain.catalog import Catalog
from services.venue.handlers import SagaSettings, advance
from shared.contracts import (
    CateringConfirmed,
    CateringRejected,
    CateringReleased,
    CateringReserved,
    InterpretingConfirmed,
    InterpretingRejected,
    InterpretingReleased,
    InterpretingReserved,
    Message,
)
from shared.db.unit_of_work import UnitOfWork
from shared.messaging.consumer import Handler
from shared.messaging.streams import CONSUMERS, Consumer


def _summary(event: Message) -> str:
    if isinstance(event, InterpretingReserved):
        return f"{len(event.booths)} booth(s), {event.team_per_booth} interpreter(s) per booth"
    if isinstance(event, CateringReserved):
        return f"{event.covers} covers, {event.meal_period}"
    return ""


def routes(catalog: Catalog, settings: SagaSettings) -> Mapping[Consumer, Mapping[type[Message], Handler]]:
    """Handlers for each participant's events, keyed by the durable consumer that delivers them."""

    def step_routes(step: str, reserved: type, rejected: type, released: type, confirmed: type) -> dict:
        async def on_reserved(event: Message, unit: UnitOfWork) -> None:
            """A participant holds its part of the booking."""
            await advance(unit, event.booking_id, partial(rules.on_reserved, step=step), catalog, settings,
                          {step: _summary(event)}, event.message_id)  # fmt: skip

        async def on_rejected(event: Message, unit: UnitOfWork) -> None:
            """A participant cannot serve the booking: compensate."""
            reason = getattr(event, "reason", "rejected")
            await advance(unit, event.booking_id, partial(rules.on_rejected, step=step, reason=reason), catalog,
                          settings, {step: reason}, event.message_id)  # fmt: skip

        async def on_released(event: Message, unit: UnitOfWork) -> None:
            """A participant freed what it held."""
            await advance(unit, event.booking_id, partial(rules.on_released, step=step), catalog, settings,
                          None, event.message_id)  # fmt: skip

        async def on_confirmed(event: Message, unit: UnitOfWork) -> None:
            """A participant made its reservation firm."""
            await unit.connection.execute(
                "UPDATE saga_steps SET detail = concat_ws('; ', detail, 'firm'), updated_at = now()"
                " WHERE booking_id = $1 AND step = $2 AND coalesce(detail, '') NOT LIKE '%firm'",
                event.booking_id,
                step,
            )

        return {reserved: on_reserved, rejected: on_rejected, released: on_released, confirmed: on_confirmed}

    by_name = {consumer.durable: consumer for consumer in CONSUMERS}
    return {
        by_name["venue-interpreting-events"]: step_routes(
            "interpreting",
            InterpretingReserved,
            InterpretingRejected,
            InterpretingReleased,
            InterpretingConfirmed,
        ),
        by_name["venue-catering-events"]: step_routes(
            "catering", CateringReserved, CateringRejected, CateringReleased, CateringConfirmed
        ),
    }
