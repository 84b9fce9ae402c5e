"""Interpreting's periodic loop: the agencies' answer deadlines (a missed one hands the seats on, or to staff)."""

from __future__ import annotations

from services.interpreting.entrypoints.dependencies import InterpretingDependencies
from services.interpreting.handlers.agencies import Agencies
from shared.participant.entrypoints.timers import Loop, answer_deadline_sweep
from shared.service import Context


def loops(context: Context[InterpretingDependencies]) -> list[Loop]:
    return [answer_deadline_sweep(context, Agencies(context.deps.roster, context.deps.tasks))]
