"""The one place that wires the venue service: catalog, saga settings, consumers, loops, HTTP API."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from litestar.openapi import OpenAPIConfig

from services.venue.domain.catalog import load_catalog
from services.venue.entrypoints.deadlines import sweep_deadlines
from services.venue.entrypoints.http import BookingsController, SpacesController
from services.venue.entrypoints.messages import routes
from services.venue.handlers import SagaSettings
from shared.config import ServiceConfig
from shared.service import Context, ServiceSpec


class VenueConfig(ServiceConfig, frozen=True, kw_only=True):
    step_timeout_seconds: float = 30.0
    deadline_sweep_seconds: float = 0.5


async def _on_start(context: Context) -> None:
    context.state["catalog"] = load_catalog()
    context.state["saga_settings"] = SagaSettings(
        step_timeout=timedelta(seconds=context.config.step_timeout_seconds)
    )


def spec() -> ServiceSpec:
    return ServiceSpec(
        name="venue",
        migrations=Path(__file__).parent / "migrations",
        config_type=VenueConfig,
        on_start=_on_start,
        consumers=lambda context: routes(context.state["catalog"], context.state["saga_settings"]),
        loops=lambda context: [
            lambda: sweep_deadlines(
                context.database,
                context.state["catalog"],
                context.state["saga_settings"],
                context.tracer,
                context.config.deadline_sweep_seconds,
            )
        ],
        controllers=[SpacesController, BookingsController],
        openapi=OpenAPIConfig(
            title="WICT venue booking API",
            version="0.1.0",
            description="Book the halls of the WICT exchange venue; interpretation and catering follow as a saga.",
            path="/schema",
            use_handler_docstrings=True,
        ),
    )
