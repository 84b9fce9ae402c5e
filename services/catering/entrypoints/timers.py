"""Catering's periodic loop: the caterers' answer deadlines (a missed one hands the order on, or to staff)."""

from __future__ import annotations

from services.catering.entrypoints.dependencies import CateringDependencies
from services.catering.handlers.caterers import Caterers
from shared.participant.entrypoints.timers import Loop, answer_deadline_sweep
from shared.service import Context


def loops(context: Context[CateringDependencies]) -> list[Loop]:
    return [answer_deadline_sweep(context, Caterers(context.deps.menus, context.deps.tasks))]
