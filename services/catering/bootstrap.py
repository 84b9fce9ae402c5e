"""The one place that wires the catering service: menus, the command and answer consumers, the answer
deadline sweep, the caterers' task listing, the menus and BEO API."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from litestar.openapi import OpenAPIConfig

from services.catering.domain.guarantee import CHARGE, REFUSE, GuaranteePolicy
from services.catering.domain.menus import MENUS_PATH, load_menus
from services.catering.domain.tasks import TASKS
from services.catering.entrypoints.beo_http import BeoController
from services.catering.entrypoints.http import MenusController
from services.catering.entrypoints.messages import routes
from services.catering.vendor_work import reassigner
from shared.service import Context, ServiceSpec
from shared.vendor_tasks.deadlines import sweep_answer_deadlines
from shared.vendor_tasks.listing import listing_responder
from shared.vendor_tasks.settings import VendorTaskConfig


class CateringConfig(VendorTaskConfig, frozen=True, kw_only=True):
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
    context.state["tasks"] = dataclasses.replace(TASKS, window=context.config.answer_window)


def _sweep(context: Context) -> Callable[[], Coroutine[Any, Any, None]]:
    reassign = reassigner(context.state["menus"])
    interval = context.config.vendor_sweep_seconds
    return lambda: sweep_answer_deadlines(
        context.database, context.state["tasks"], reassign, context.tracer, interval
    )


def spec() -> ServiceSpec:
    return ServiceSpec(
        name="catering",
        migrations=Path(__file__).parent / "migrations",
        config_type=CateringConfig,
        on_start=_on_start,
        consumers=lambda context: routes(
            context.state["menus"], guarantee=context.state["guarantee"], tasks=context.state["tasks"]
        ),
        loops=lambda context: [_sweep(context)],
        responders=lambda context: [listing_responder(context.database, "catering", "catering")],
        controllers=[MenusController, BeoController],
        openapi=OpenAPIConfig(
            title="WICT catering",
            version="0.1.0",
            description="Menus of the WICT venue's kitchen and banquet event orders for staff; orders arrive over NATS.",
            path="/schema",
        ),
    )
