"""Use cases of the participants' answers: they advance the booking saga, or the change saga of the
plan revision they answer; a late answer for a superseded plan changes nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from services.venue.adapters.unit_of_work import VenueUnit
from services.venue.domain.catalog import Catalog
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.change_saga import ChangeTransition, advance_change
from services.venue.handlers.saga import Transition, advance
from services.venue.handlers.waitlist import promote_released
from shared.contracts import PlanMessage


async def answer(
    unit: VenueUnit,
    event: PlanMessage,
    transitions: tuple[Transition, ChangeTransition | None],
    detail: dict[str, str] | None,
    catalog: Catalog,
    settings: SagaSettings,
) -> None:
    """The live plan's answers drive the booking saga, the next plan's the change saga."""
    saga_step, change_step = transitions
    locked = await unit.sagas.lock(event.booking_id)  # the booking's row: its live revision, and its saga
    if locked is None or event.revision < locked[0]["revision"]:
        return  # unknown booking, or a superseded plan answering late: nothing left to decide
    if event.revision == locked[0]["revision"]:
        await advance(unit, event.booking_id, saga_step, catalog, settings, detail, event.message_id, locked)
    elif change_step is not None:
        await advance_change(
            unit, event.booking_id, event.revision, change_step, catalog, detail, event.message_id
        )
    await promote_released(unit, catalog, settings.option_days, datetime.now(UTC))


async def confirmed(unit: VenueUnit, booking_id: uuid.UUID, step: str) -> None:
    """A participant made its reservation firm: the step's detail says so (once)."""
    await unit.sagas.mark_firm(booking_id, step)
