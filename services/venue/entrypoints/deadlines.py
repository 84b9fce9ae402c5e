"""The deadline sweeper: a saga step past its deadline is given up and compensated.

Runs in every instance; SKIP LOCKED lets several instances share the sweep without handling a step
twice. Each step is handled in the booking's stored trace context, so the compensation shows in the
booking's trace rather than in a trace of its own.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from functools import partial

from opentelemetry import trace

from services.venue.adapters import repository
from services.venue.changes import expire_change_step
from services.venue.domain import saga as rules
from services.venue.domain.catalog import Catalog
from services.venue.handlers import SagaSettings, advance
from services.venue.holds import HoldSettings, warn_one
from services.venue.holds import expire_one as expire_holds
from shared.db.unit_of_work import Database
from shared.telemetry import SagaTags, resumed_span

log = logging.getLogger(__name__)


def timeout_reason(step: str, settings: SagaSettings) -> str:
    if step == "approval":
        return (
            "the venue did not decide on the approval in time; nothing was booked, please contact the venue"
        )
    seconds = int(settings.step_timeout.total_seconds())
    return f"the {step} service did not answer within {seconds} s; nothing was booked, please try again"


async def expire_one(
    database: Database, catalog: Catalog, settings: SagaSettings, tracer: trace.Tracer
) -> bool:
    """Handle one overdue step; False when none is due."""
    async with database.transaction() as unit:
        due = await repository.due_step(unit.connection)
        if due is None:
            return False
        step = due["step"]
        tags = SagaTags.of(due["booking_id"], step=step)
        with resumed_span(tracer, "saga deadline", due["trace_context"], tags):
            transition = partial(rules.on_deadline, step=step, reason=timeout_reason(step, settings))
            detail = {step: "no answer before the deadline"}
            if not await advance(unit, due["booking_id"], transition, catalog, settings, detail):
                # a deadline that changes nothing must not fire again
                await unit.connection.execute(
                    "UPDATE saga_steps SET deadline = NULL WHERE booking_id = $1 AND step = $2",
                    due["booking_id"],
                    step,
                )
    return True


async def sweep_deadlines(
    database: Database, catalog: Catalog, settings: SagaSettings, tracer: trace.Tracer, interval: float = 0.5
) -> None:
    """Forever: expire every overdue step, then sleep ``interval``."""
    while True:
        try:
            while await expire_one(database, catalog, settings, tracer):
                pass
            while await expire_change_step(database, catalog, settings, tracer):
                pass
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("deadline sweep failed; retrying")
        await asyncio.sleep(interval)


async def sweep_holds(
    database: Database,
    catalog: Catalog,
    settings: HoldSettings,
    interval: float = 5.0,
    tracer: trace.Tracer | None = None,
) -> None:
    """Forever: warn of options about to expire, lapse expired ones (promoting the waitlist)."""
    while True:
        try:
            now = datetime.now(UTC)
            while await warn_one(database, catalog, settings, now, tracer):
                pass
            while await expire_holds(database, catalog, settings, now, tracer):
                pass
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("hold sweep failed; retrying")
        await asyncio.sleep(interval)
