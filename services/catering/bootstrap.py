"""The one place that wires the catering service: menus, the command consumer, the menus API."""

from __future__ import annotations

from pathlib import Path

from litestar.openapi import OpenAPIConfig

from services.catering.domain.menus import MENUS_PATH, load_menus
from services.catering.entrypoints.http import MenusController
from services.catering.entrypoints.messages import routes
from shared.config import ServiceConfig
from shared.service import Context, ServiceSpec


class CateringConfig(ServiceConfig, frozen=True, kw_only=True):
    menus_file: str = str(MENUS_PATH)


async def _on_start(context: Context) -> None:
    context.state["menus"] = load_menus(Path(context.config.menus_file))


def spec() -> ServiceSpec:
    return ServiceSpec(
        name="catering",
        migrations=Path(__file__).parent / "migrations",
        config_type=CateringConfig,
        on_start=_on_start,
        consumers=lambda context: routes(context.state["menus"]),
        controllers=[MenusController],
        openapi=OpenAPIConfig(
            title="WICT catering",
            version="0.1.0",
            description="Menus of the WICT venue's kitchen; orders arrive over NATS from the booking saga.",
            path="/schema",
        ),
    )
