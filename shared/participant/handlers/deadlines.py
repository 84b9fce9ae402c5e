"""The answer deadline: a task still awaiting its vendor's answer past ``answer_due`` expires and is
handed over exactly like a decline.

The sweep (``entrypoints.timers``) runs in every instance of the service. The overdue task is picked without a lock, then the booking's
lock is taken (the order commands take), then the task is re-read: another instance, or an answer that
came just in time, may have moved it meanwhile, and then nothing happens. Each expiry runs in the trace
of the message that last changed the task, so it shows in the booking's trace, not in a trace of its own
(the poll itself makes no spans).
"""

from __future__ import annotations

from opentelemetry import trace

from shared.db.unit_of_work import Database
from shared.participant.adapters import vendor_tasks as store
from shared.participant.domain.task_kind import TaskKind
from shared.participant.handlers.answers import Reassign, hand_over, no_answer
from shared.participant.handlers.task_news import publish
from shared.telemetry import resumed_span, saga_of


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
