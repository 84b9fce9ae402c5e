"""What catering's entrypoints use, built once at start-up by ``bootstrap`` (controllers receive it as ``deps``)."""

from __future__ import annotations

from dataclasses import dataclass

from services.catering.domain.guarantee import GuaranteePolicy
from services.catering.domain.menus import MenuBook
from shared.db.unit_of_work import Database
from shared.participant.domain.task_kind import TaskKind


@dataclass(frozen=True)
class CateringDependencies:
    database: Database
    menus: MenuBook
    guarantee: GuaranteePolicy  # the final headcount guarantee (WICT_GUARANTEE_BUSINESS_DAYS, ..._POLICY)
    tasks: TaskKind  # the caterers' tasks, with the configured answer window
    staff_api_keys: str  # venue staff keys that may read banquet event orders
