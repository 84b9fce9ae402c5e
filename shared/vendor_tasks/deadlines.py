"""The answer deadline sweep: a task still awaiting its vendor's answer past ``answer_due`` expires and is
handed over exactly like a decline.

Runs in every instance of the service. The overdue task is picked without a lock, then the booking's
lock is taken (the order commands take), then the task is re-read: another instance, or an answer that
came just in time, may have moved it meanwhile, and then nothing happens. Each expiry runs in the trace
of the message that last changed the task, so it shows in the booking's trace, not in a trace of its own
(the poll itself makes no spans).
"""

from __future__ import annotations

import asyncio
import logging

from opentelemetry import trace

from shared.db.unit_of_work import Database
from shared.telemetry import resumed_span, saga_of
from shared.vendor_tasks import store
from shared.vendor_tasks.answers import Reassign, hand_over, no_answer
from shared.vendor_tasks.flow import publish
from shared.vendor_tasks.kind import TaskKind

log = logging.getLogger(__name__)


async def expire_one(
    database: Database, kind: TaskKind, reassign: Reassign, tracer: trace.Tracer | None = None
) -> bool:
    """Expire one overdue task; False when none is due."""
    async with database.transaction() as unit:
        due = await store.overdue(unit.connection)
        if due is None:
            return False
        tags = saga_of(due["trace_context"], due["booking_id"]).at(kind.kind)
        tracer = tracer or trace.get_tracer(__name__)
        with resumed_span(tracer, "vendor task deadline", due["trace_context"], tags):
            await store.lock_booking(unit.connection, due["booking_id"])
            task = await store.task(unit.connection, due["task_id"], kind.kind, overdue=True)
            if task is not None:
                news = await hand_over(
                    unit.connection, kind, task, "expired", no_answer(task), reassign, None
                )
                publish(unit, news)
    return True


async def sweep_answer_deadlines(
    database: Database,
    kind: TaskKind,
    reassign: Reassign,
    tracer: trace.Tracer | None = None,
    interval: float = 2.0,
) -> None:
    """Forever: expire every overdue task, then sleep ``interval``."""
    while True:
        try:
            while await expire_one(database, kind, reassign, tracer):
                pass
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("vendor answer deadline sweep failed; retrying")
        await asyncio.sleep(interval)
