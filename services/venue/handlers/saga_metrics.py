"""What the booking saga tells the metrics: each step's wait and how it ended, the saga's own length,
and the booking's outcome (``wict.saga.step.duration``, ``wict.bookings``; recorded at commit)."""

from __future__ import annotations

from collections.abc import Mapping

from services.venue.domain.saga import Phase, Saga, StepState
from shared import metrics

_WAITING = (StepState.PENDING, StepState.RELEASING)


def step_outcome(before: StepState | None, after: StepState) -> str | None:
    """How a step's wait ended, or None when the step was not waiting (nothing to time)."""
    if before is StepState.PENDING:
        if after in (StepState.RESERVED, StepState.CONFIRMED):
            return "reserved"  # for the approval step: approved
        if after is StepState.REJECTED:
            return "rejected"
        return (
            "abandoned"  # the saga stopped waiting: a deadline, a dead letter, another step, a cancellation
        )
    if before is StepState.RELEASING:
        return "released" if after is StepState.RELEASED else "release_timeout"
    return None


def record_transition(before: Saga, after: Saga, waited: Mapping[str, float]) -> None:
    """Time every step whose wait ended, and the saga when it reached its outcome."""
    for step, seconds in waited.items():
        if step == "saga":
            continue
        outcome = step_outcome(before.steps.get(step), after.steps[step])
        if outcome is not None:
            metrics.record_step(step, outcome, seconds)
    ran = before.phase in (Phase.RUNNING, Phase.COMPENSATING)
    if ran and after.phase in (Phase.CONFIRMED, Phase.REJECTED) and "saga" in waited:
        metrics.record_step("saga", after.phase.value, waited["saga"])
