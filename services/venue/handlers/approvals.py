"""Use cases of staff approval: bookings (and changes) of spaces that need it wait for a decision."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import partial
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase, VenueUnit
from services.venue.domain import change as change_rules
from services.venue.domain import saga as rules
from services.venue.domain.catalog import Catalog
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.change_saga import advance_change
from services.venue.handlers.errors import NotAwaitingApproval
from services.venue.handlers.saga import advance
from services.venue.handlers.waitlist import promote_released
from shared.telemetry import SagaTags, saga_scope, trace_id_hex


async def pending_approvals(database: VenueDatabase) -> list[Any]:
    """Bookings waiting for a staff decision, the most urgent first."""
    async with database.autocommit() as unit:
        return await unit.sagas.pending_approvals()


async def decide_approval(
    database: VenueDatabase,
    booking_id: uuid.UUID,
    approve: bool,
    reason: str,
    actor: str,
    catalog: Catalog,
    settings: SagaSettings,
) -> None:
    """Staff approve or reject a booking waiting for approval; the saga goes on from there."""
    with saga_scope(SagaTags.of(booking_id, step="approval")):
        async with database.transaction() as unit:
            locked = await unit.sagas.lock(booking_id)
            if locked is None:
                raise NotAwaitingApproval()
            if locked[1].steps.get("approval") is rules.StepState.PENDING:
                declined = f"the venue declined: {reason}"
                transition = (
                    partial(rules.on_reserved, step="approval")
                    if approve
                    else partial(rules.on_rejected, step="approval", reason=declined)
                )
                detail = "approved" if approve else f"declined: {reason}"
                await advance(unit, booking_id, transition, catalog, settings, {"approval": detail})
                await promote_released(unit, catalog, settings.option_days, datetime.now(UTC))
            else:
                await _decide_change_approval(unit, booking_id, approve, reason, catalog, settings)
            action = "approved" if approve else "declined"
            await unit.audit.record(booking_id, actor, action, {"reason": reason}, trace_id_hex())


async def _decide_change_approval(
    unit: VenueUnit,
    booking_id: uuid.UUID,
    approve: bool,
    reason: str,
    catalog: Catalog,
    settings: SagaSettings,
) -> None:
    """A change of a booking that needs approval waits for staff like a new booking does."""
    revision = await unit.changes.awaiting_approval(booking_id)
    if revision is None:
        raise NotAwaitingApproval()
    transition = (
        partial(change_rules.on_reserved, step="approval")
        if approve
        else partial(
            change_rules.on_rejected, step="approval", reason=f"the venue declined the change: {reason}"
        )
    )
    with saga_scope(SagaTags.of(booking_id, revision, "approval", change=True)):
        await advance_change(unit, booking_id, revision, transition, catalog)
        await promote_released(unit, catalog, settings.option_days, datetime.now(UTC))
