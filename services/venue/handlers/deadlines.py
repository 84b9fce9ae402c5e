"""Use cases of deadlines: a saga step (or a change's step) past its deadline is given up and compensated.

Each step is handled in the saga's stored trace context, so the compensation shows in the booking's
trace rather than in a trace of its own. SKIP LOCKED lets several instances share the sweep.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from opentelemetry import trace

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain import change as change_rules
from services.venue.domain import saga as rules
from services.venue.domain.catalog import Catalog
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.change_saga import advance_change
from services.venue.handlers.saga import advance
from services.venue.handlers.waitlist import promote_released
from shared.telemetry import SagaTags, resumed_span


def timeout_reason(step: str, settings: SagaSettings) -> str:
    if step == "approval":
        return (
            "the venue did not decide on the approval in time; nothing was booked, please contact the venue"
        )
    seconds = int(settings.step_timeout.total_seconds())
    return f"the {step} service did not answer within {seconds} s; nothing was booked, please try again"


async def expire_one(
    database: VenueDatabase, catalog: Catalog, settings: SagaSettings, tracer: trace.Tracer
) -> bool:
    """Handle one overdue saga step; False when none is due."""
    async with database.transaction() as unit:
        due = await unit.sagas.due_step()
        if due is None:
            return False
        booking_id, step = due["booking_id"], due["step"]
        with resumed_span(tracer, "saga deadline", due["trace_context"], SagaTags.of(booking_id, step=step)):
            transition = partial(rules.on_deadline, step=step, reason=timeout_reason(step, settings))
            detail = {step: "no answer before the deadline"}
            if await advance(unit, booking_id, transition, catalog, settings, detail):
                await promote_released(unit, catalog, settings.option_days, datetime.now(UTC))
            else:
                await unit.sagas.clear_deadline(booking_id, step)  # it must not fire again
    return True


async def expire_change_step(
    database: VenueDatabase, catalog: Catalog, settings: SagaSettings, tracer: trace.Tracer | None = None
) -> bool:
    """Give up one change step past its deadline (in the change's stored trace); False when none is due."""
    async with database.transaction() as unit:
        due = await unit.changes.due_step()
        if due is None:
            return False
        booking_id, revision, step = due["booking_id"], due["revision"], due["step"]
        tags = SagaTags.of(booking_id, revision, step, change=True)
        with resumed_span(
            tracer or trace.get_tracer(__name__), "change deadline", due["trace_context"], tags
        ):
            reason = f"the {step} step of the change got no answer in time; the booking is unchanged"
            transition = partial(change_rules.on_deadline, step=step, reason=reason)
            if await advance_change(unit, booking_id, revision, transition, catalog):
                await promote_released(unit, catalog, settings.option_days, datetime.now(UTC))
            else:
                await unit.changes.clear_deadline(booking_id, revision, step)
    return True
