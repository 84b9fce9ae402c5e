"""The one place that wires the interpreting service: roster (seeded into the database), consumer, HTTP."""

from __future__ import annotations

from pathlib import Path

from services.interpreting.adapters.repository import seed_roster
from services.interpreting.domain.roster import load_roster
from services.interpreting.entrypoints.http import InterpretersController
from services.interpreting.entrypoints.messages import routes
from shared.service import Context, ServiceSpec


async def _on_start(context: Context) -> None:
    roster = load_roster()
    async with context.database.transaction() as unit:
        await seed_roster(unit.connection, roster)
    context.state["roster"] = roster


def spec() -> ServiceSpec:
    return ServiceSpec(
        name="interpreting",
        migrations=Path(__file__).parent / "migrations",
        on_start=_on_start,
        consumers=lambda context: routes(context.state["roster"]),
        controllers=[InterpretersController],
    )
