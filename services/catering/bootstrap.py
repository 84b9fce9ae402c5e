"""The one place that wires the catering service: menus, the command consumer, the menus API."""

from __future__ import annotations

from pathlib import Path

from litestar.openapi import OpenAPIConfig

from services.catering.domain.guarantee import CHARGE, REFUSE, GuaranteePolicy
from services.catering.domain.menus import MENUS_PATH, load_menus
from services.catering.entrypoints.beo_http import BeoController
from services.catering.entrypoints.http import MenusController
from services.catering.entrypoints.messages import routes
from shared.config import ServiceConfig
from shared.service import Context, ServiceSpec


class CateringConfig(ServiceConfig, frozen=True, kw_only=True):
    menus_file: str = str(MENUS_PATH)
    guarantee_business_days: int = 3  # the final headcount is due this many Mon–Fri days before the event
    late_headcount_policy: str = REFUSE  # after it: "refuse" a changed headcount, or "charge" the greater
    staff_api_keys: str = ""  # venue staff keys (comma-separated) that may read banquet event orders


def _policy(config: CateringConfig) -> GuaranteePolicy:
    if config.late_headcount_policy not in (REFUSE, CHARGE):
        raise ValueError(f"WICT_LATE_HEADCOUNT_POLICY must be {REFUSE} or {CHARGE}")
    return GuaranteePolicy(config.guarantee_business_days, config.late_headcount_policy)


async def _on_start(context: Context) -> None:
    context.state["menus"] = load_menus(Path(context.config.menus_file))
    context.state["guarantee"] = _policy(context.config)


def spec() -> ServiceSpec:
    return ServiceSpec(
        name="catering",
        migrations=Path(__file__).parent / "migrations",
        config_type=CateringConfig,
        on_start=_on_start,
        consumers=lambda context: routes(context.state["menus"], guarantee=context.state["guarantee"]),
        controllers=[MenusController, BeoController],
        openapi=OpenAPIConfig(
            title="WICT catering",
            version="0.1.0",
            description="Menus of the WICT venue's kitchen and banquet event orders for staff; orders arrive over NATS.",
            path="/schema",
        ),
    )
