"""The venue's NATS consumers: participant events advance the booking saga and show its vendor tasks.

Each route wraps the consumer's unit of work (inbox claimed, outbox staged) as the venue's and hands
the event to a use case of ``handlers/answers.py`` or ``handlers/vendor_tasks.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from services.venue.adapters.unit_of_work import VenueUnit
from services.venue.domain import change as change_rules
from services.venue.domain import saga as rules
from services.venue.domain.catalog import Catalog
from services.venue.domain.settings import SagaSettings
from services.venue.handlers import answers
from services.venue.handlers.vendor_tasks import record_task_state
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


def _step_routes(
    step: str, kinds: tuple[type, type, type, type], catalog: Catalog, settings: SagaSettings
) -> dict[type[Message], Handler]:
    """A participant's reserved, rejected, released and confirmed events, for its ``step``."""
    reserved, rejected, released, confirmed = kinds

    async def on_reserved(event: PlanMessage, unit: UnitOfWork) -> None:
        """A participant holds its part of the booking (or of its change)."""
        transitions = (partial(rules.on_reserved, step=step), partial(change_rules.on_reserved, step=step))
        await answers.answer(
            VenueUnit.of(unit), event, transitions, {step: _summary(event)}, catalog, settings
        )

    async def on_rejected(event: PlanMessage, unit: UnitOfWork) -> None:
        """A participant cannot serve the booking (or its change): compensate."""
        reason = getattr(event, "reason", "rejected")
        transitions = (
            partial(rules.on_rejected, step=step, reason=reason),
            partial(change_rules.on_rejected, step=step, reason=reason),
        )
        await answers.answer(VenueUnit.of(unit), event, transitions, {step: reason}, catalog, settings)

    async def on_released(event: PlanMessage, unit: UnitOfWork) -> None:
        """A participant freed what it held."""
        transitions = (partial(rules.on_released, step=step), None)
        await answers.answer(VenueUnit.of(unit), event, transitions, None, catalog, settings)

    async def on_confirmed(event: Message, unit: UnitOfWork) -> None:
        """A participant made its reservation firm."""
        await answers.confirmed(VenueUnit.of(unit), event.booking_id, step)

    return {reserved: on_reserved, rejected: on_rejected, released: on_released, confirmed: on_confirmed}


async def on_task_state(event: VendorTaskStateChanged, unit: UnitOfWork) -> None:
    """A participant reports where one of the booking's vendor tasks stands now."""
    await record_task_state(event, VenueUnit.of(unit))


def routes(catalog: Catalog, settings: SagaSettings) -> Mapping[Consumer, Mapping[type[Message], Handler]]:
    """Handlers for each participant's events, keyed by the durable consumer that delivers them."""
    interpreting = (InterpretingReserved, InterpretingRejected, InterpretingReleased, InterpretingConfirmed)
    catering = (CateringReserved, CateringRejected, CateringReleased, CateringConfirmed)
    by_name = {consumer.durable: consumer for consumer in CONSUMERS}
    return {
        by_name["venue-interpreting-events"]: {
            **_step_routes("interpreting", interpreting, catalog, settings),
            InterpretingTaskStateChanged: on_task_state,
        },
        by_name["venue-catering-events"]: {
            **_step_routes("catering", catering, catalog, settings),
            CateringTaskStateChanged: on_task_state,
        },
    }
