"""The one place that wires the catering service: menus, the command and answer consumers, the answer
deadline sweep, the caterers' task listing, the menus and BEO API."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from services.catering.domain.guarantee import CHARGE, REFUSE, GuaranteePolicy
from services.catering.domain.menus import MENUS_PATH, load_menus
from services.catering.domain.tasks import TASKS
from services.catering.entrypoints.dependencies import CateringDependencies
from services.catering.entrypoints.http.menus import MenusController
from services.catering.entrypoints.http.orders import BeoController
from services.catering.entrypoints.messages import routes
from services.catering.entrypoints.responders import responders
from services.catering.entrypoints.timers import loops
from shared.http.api_docs import openapi_config
from shared.participant.settings import VendorTaskConfig
from shared.service import Context, ServiceSpec


class CateringConfig(VendorTaskConfig, frozen=True, kw_only=True):
    menus_file: str = str(MENUS_PATH)
    guarantee_business_days: int = 3  # the final headcount is due this many Mon–Fri days before the event
    late_headcount_policy: str = REFUSE  # after it: "refuse" a changed headcount, or "charge" the greater
    staff_api_keys: str = ""  # venue staff keys (comma-separated) that may read banquet event orders


def _policy(config: CateringConfig) -> GuaranteePolicy:
    if config.late_headcount_policy not in (REFUSE, CHARGE):
        raise ValueError(f"WICT_LATE_HEADCOUNT_POLICY must be {REFUSE} or {CHARGE}")
    return GuaranteePolicy(config.guarantee_business_days, config.late_headcount_policy)


async def dependencies(context: Context[Any]) -> CateringDependencies:
    config: CateringConfig = context.config
    return CateringDependencies(
        database=context.database,
        menus=load_menus(Path(config.menus_file)),
        guarantee=_policy(config),
        tasks=dataclasses.replace(TASKS, window=config.answer_window),
        staff_api_keys=config.staff_api_keys,
    )


def spec() -> ServiceSpec[CateringDependencies]:
    return ServiceSpec(
        name="catering",
        migrations=Path(__file__).parent / "migrations",
        config_type=CateringConfig,
        dependencies=dependencies,
        consumers=lambda context: routes(context.deps),
        loops=loops,
        responders=responders,
        controllers=[MenusController, BeoController],
        openapi=openapi_config(
            "WICT catering",
            "0.1.0",
            "Menus of the WICT venue's kitchen and banquet event orders for staff; orders arrive over NATS.",
            use_handler_docstrings=False,
        ),
    )
