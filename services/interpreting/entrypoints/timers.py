"""Interpreting's periodic loop: the agencies' answer deadlines (a missed one hands the seats on, or to staff)."""

from __future__ import annotations

from services.interpreting.entrypoints.dependencies import InterpretingDependencies
from services.interpreting.handlers.agencies import reassigner
from shared.participant.entrypoints.timers import Loop, answer_deadline_sweep
from shared.service import Context


def loops(context: Context[InterpretingDependencies]) -> list[Loop]:
    return [answer_deadline_sweep(context, context.deps.tasks, reassigner(context.deps.roster))]
