"""The venue's NATS consumers: participant events advance the booking saga and show its vendor tasks."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from services.venue.changes import advance_change
from services.venue.domain import change as change_rules
from services.venue.domain import saga as rules
from services.venue.domain.catalog import Catalog
from services.venue.handlers import SagaSettings, advance
from services.venue.usecases.vendor_tasks import record_task_state
from shared.contracts import (
    CateringConfirmed,
    CateringRejected,
    CateringReleased,
    CateringReserved,
    CateringTaskStateChanged,
    InterpretingConfirmed,
    InterpretingRejected,
    InterpretingReleased,
    InterpretingReserved,
    InterpretingTaskStateChanged,
    Message,
    PlanMessage,
    VendorTaskStateChanged,
)
from shared.db.unit_of_work import UnitOfWork
from shared.messaging.consumer import Handler
from shared.messaging.streams import CONSUMERS, Consumer


def _summary(event: Message) -> str:
    if isinstance(event, InterpretingReserved):
        if event.mode == "consecutive":
            return f"consecutive, {event.team_per_booth} interpreter(s)"
        relay = f", relay {', '.join(event.relays)}" if event.relays else ""
        return f"{len(event.booths)} booth(s), {event.team_per_booth} interpreter(s) per booth{relay}"
    if isinstance(event, CateringReserved):
        return f"{event.covers} covers, {event.meal_period}"
    return ""


def routes(catalog: Catalog, settings: SagaSettings) -> Mapping[Consumer, Mapping[type[Message], Handler]]:
    """Handlers for each participant's events, keyed by the durable consumer that delivers them."""

    async def dispatch(
        event: PlanMessage, unit: UnitOfWork, saga_step: Any, change_step: Any, detail: Any
    ) -> None:
        """The live plan's answers drive the booking saga, the next plan's the change saga."""
        live = await unit.connection.fetchval(
            "SELECT revision FROM bookings WHERE id = $1 FOR UPDATE", event.booking_id
        )
        if live is None or event.revision < live:
            return  # unknown booking, or a superseded plan answering late: nothing left to decide
        if event.revision == live:
            await advance(unit, event.booking_id, saga_step, catalog, settings, detail, event.message_id)
        elif change_step is not None:
            await advance_change(
                unit,
                event.booking_id,
                event.revision,
                change_step,
                catalog,
                settings,
                detail,
                event.message_id,
            )

    def step_routes(step: str, reserved: type, rejected: type, released: type, confirmed: type) -> dict:
        async def on_reserved(event: PlanMessage, unit: UnitOfWork) -> None:
            """A participant holds its part of the booking (or of its change)."""
            await dispatch(
                event,
                unit,
                partial(rules.on_reserved, step=step),
                partial(change_rules.on_reserved, step=step),
                {step: _summary(event)},
            )

        async def on_rejected(event: PlanMessage, unit: UnitOfWork) -> None:
            """A participant cannot serve the booking (or its change): compensate."""
            reason = getattr(event, "reason", "rejected")
            await dispatch(
                event,
                unit,
                partial(rules.on_rejected, step=step, reason=reason),
                partial(change_rules.on_rejected, step=step, reason=reason),
                {step: reason},
            )

        async def on_released(event: PlanMessage, unit: UnitOfWork) -> None:
            """A participant freed what it held."""
            await dispatch(event, unit, partial(rules.on_released, step=step), None, None)

        async def on_confirmed(event: Message, unit: UnitOfWork) -> None:
            """A participant made its reservation firm."""
            await unit.connection.execute(
                "UPDATE saga_steps SET detail = concat_ws('; ', detail, 'firm'), updated_at = now()"
                " WHERE booking_id = $1 AND step = $2 AND coalesce(detail, '') NOT LIKE '%firm'",
                event.booking_id,
                step,
            )

        return {reserved: on_reserved, rejected: on_rejected, released: on_released, confirmed: on_confirmed}

    async def on_task_state(event: VendorTaskStateChanged, unit: UnitOfWork) -> None:
        """A participant reports where one of the booking's vendor tasks stands now."""
        await record_task_state(event, unit)

    by_name = {consumer.durable: consumer for consumer in CONSUMERS}
    return {
        by_name["venue-interpreting-events"]: {
            **step_routes(
                "interpreting",
                InterpretingReserved,
                InterpretingRejected,
                InterpretingReleased,
                InterpretingConfirmed,
            ),
            InterpretingTaskStateChanged: on_task_state,
        },
        by_name["venue-catering-events"]: {
            **step_routes(
                "catering", CateringReserved, CateringRejected, CateringReleased, CateringConfirmed
            ),
            CateringTaskStateChanged: on_task_state,
        },
    }
