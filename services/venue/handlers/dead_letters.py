"""A saga message went to the dead letters: give its step up now (compensate) instead of at its deadline.

Idempotent: the transition changes only a step still waiting (pending, or releasing), so a redelivered
advisory, or one arriving after the answer or the deadline, changes nothing.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from functools import partial

from opentelemetry import trace

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain import change as change_rules
from services.venue.domain import saga as rules
from services.venue.domain.catalog import Catalog
from services.venue.domain.dead_letters import booking_of, change_reason, organizer_reason, step_of
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.change_saga import advance_change
from services.venue.handlers.saga import advance
from services.venue.handlers.waitlist import promote_released
from shared.messaging.dead_letters import DeadLetter, Original
from shared.telemetry import SagaTags, resumed_span

log = logging.getLogger(__name__)


async def give_up_step(
    database: VenueDatabase,
    catalog: Catalog,
    settings: SagaSettings,
    tracer: trace.Tracer,
    letter: DeadLetter,
    original: Original,
) -> bool:
    """Compensate the saga that waited on ``original``; False if it names none or nothing changes."""
    step, ref = step_of(original.subject), booking_of(original.payload)
    fields = {"dead_letter": letter.id, "subject": original.subject, "kind": letter.kind}
    if step is None or ref is None:
        log.warning("dead letter names no saga step: left to ops", extra={"fields": fields})
        return False
    async with database.transaction() as unit:
        booking = await unit.bookings.lock_for_dead_letter(ref.booking_id)
        if booking is None or ref.revision < booking["revision"]:
            return False  # unknown booking, or a superseded plan: no saga waits on it
        live = ref.revision == booking["revision"]
        tags = SagaTags.of(ref.booking_id, ref.revision, step, change=not live)
        attributes = {"dead_letter.id": letter.id}
        with resumed_span(tracer, "saga dead letter", booking["trace_context"], tags, attributes=attributes):
            detail = {step: f"its message could not be processed ({letter.kind})"}
            if live:
                transition = partial(rules.on_deadline, step=step, reason=organizer_reason(step))
                changed = await advance(unit, ref.booking_id, transition, catalog, settings, detail)
            else:
                on_change = partial(change_rules.on_deadline, step=step, reason=change_reason(step))
                changed = await advance_change(unit, ref.booking_id, ref.revision, on_change, catalog, detail)
            await promote_released(unit, catalog, settings.option_days, datetime.now(UTC))
    log.info(
        "saga step given up on a dead letter",
        extra={"fields": {**fields, "booking_id": str(ref.booking_id), "changed": changed}},
    )
    return changed
