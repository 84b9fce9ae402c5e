"""The one place that wires the interpreting service: roster (seeded into the database), the command and
answer consumers, the answer deadline sweep, the agencies' task listing, HTTP."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from services.interpreting.adapters.repository import seed_roster
from services.interpreting.domain.roster import load_roster
from services.interpreting.domain.tasks import TASKS
from services.interpreting.entrypoints.http import InterpretersController
from services.interpreting.entrypoints.messages import routes
from services.interpreting.vendor_work import reassigner
from shared.service import Context, ServiceSpec
from shared.vendor_tasks.deadlines import sweep_answer_deadlines
from shared.vendor_tasks.listing import listing_responder
from shared.vendor_tasks.settings import VendorTaskConfig


class InterpretingConfig(VendorTaskConfig, frozen=True, kw_only=True):
    """The settings every service reads, plus the vendor answer window."""


async def _on_start(context: Context) -> None:
    roster = load_roster()
    async with context.database.transaction() as unit:
        await seed_roster(unit.connection, roster)
    context.state["roster"] = roster
    context.state["tasks"] = dataclasses.replace(TASKS, window=context.config.answer_window)


def _sweep(context: Context) -> Callable[[], Coroutine[Any, Any, None]]:
    reassign = reassigner(context.state["roster"])
    interval = context.config.vendor_sweep_seconds
    return lambda: sweep_answer_deadlines(
        context.database, context.state["tasks"], reassign, context.tracer, interval
    )


def spec() -> ServiceSpec:
    return ServiceSpec(
        name="interpreting",
        migrations=Path(__file__).parent / "migrations",
        config_type=InterpretingConfig,
        on_start=_on_start,
        consumers=lambda context: routes(context.state["roster"], context.state["tasks"]),
        loops=lambda context: [_sweep(context)],
        responders=lambda context: [listing_responder(context.database, "interpreting", "interpreting")],
        controllers=[InterpretersController],
    )
