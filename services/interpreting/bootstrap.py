"""The one place that wires the interpreting service: roster (seeded into the database), the command and
answer consumers, the answer deadline sweep, the agencies' task listing, HTTP."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from services.interpreting.adapters.repository import seed_roster
from services.interpreting.domain.roster import load_roster
from services.interpreting.domain.tasks import TASKS
from services.interpreting.entrypoints.dependencies import InterpretingDependencies
from services.interpreting.entrypoints.http.interpreters import InterpretersController
from services.interpreting.entrypoints.messages import routes
from services.interpreting.entrypoints.responders import responders
from services.interpreting.entrypoints.timers import loops
from shared.http.api_docs import openapi_config
from shared.participant.settings import VendorTaskConfig
from shared.service import Context, ServiceSpec


class InterpretingConfig(VendorTaskConfig, frozen=True, kw_only=True):
    """The settings every service reads, plus the vendor answer window."""


async def dependencies(context: Context[Any]) -> InterpretingDependencies:
    roster = load_roster()
    async with context.database.transaction() as unit:
        await seed_roster(unit.connection, roster)
    config: InterpretingConfig = context.config
    return InterpretingDependencies(
        database=context.database,
        roster=roster,
        tasks=dataclasses.replace(TASKS, window=config.answer_window),
    )


def spec() -> ServiceSpec[InterpretingDependencies]:
    return ServiceSpec(
        name="interpreting",
        migrations=Path(__file__).parent / "migrations",
        config_type=InterpretingConfig,
        dependencies=dependencies,
        consumers=lambda context: routes(context.deps),
        loops=loops,
        responders=responders,
        controllers=[InterpretersController],
        openapi=openapi_config(
            "WICT interpreting",
            "0.1.0",
            "Interpreters of the agencies on the venue's roster, for staff; reservations arrive over NATS.",
            use_handler_docstrings=False,
        ),
    )
