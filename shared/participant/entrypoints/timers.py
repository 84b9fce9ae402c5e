"""The participant's periodic loop: the vendors' answer deadlines, swept with the project's one loop helper."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from shared.loops import drain, every
from shared.participant.handlers.deadlines import expire_one
from shared.participant.handlers.vendors import Vendors
from shared.service import Context

Loop = Callable[[], Coroutine[Any, Any, None]]


def answer_deadline_sweep(context: Context[Any], vendors: Vendors) -> Loop:
    """Every ``WICT_VENDOR_SWEEP_SECONDS``: expire each overdue task (handed over like a decline)."""
    database, tracer, interval = context.database, context.tracer, context.config.vendor_sweep_seconds

    async def vendor_answer_deadlines() -> None:
        expire = drain(lambda: expire_one(database, vendors.kind, vendors.reassign, tracer))
        await every(interval, expire, name="vendor answer deadline sweep")

    return vendor_answer_deadlines
