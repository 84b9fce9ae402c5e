"""What the booking saga tells the metrics: each step's wait and how it ended, the saga's own length,
and the booking's outcome (``wict.saga.step.duration``, ``wict.bookings``; recorded at commit)."""

from __future__ import annotations

from collections.abc import Mapping

from opentelemetry.metrics import Meter

from services.venue.domain.saga import Phase, Saga, StepState
from shared.db.unit_of_work import after_commit
from shared.metrics import Instruments

# seconds: a participant answers in milliseconds, a release may wait for its deadline (30 s), staff
# approve within hours or days (48 h by default)
STEP_BUCKETS = (
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1,
    2.5,
    5,
    10,
    30,
    60,
    300,
    3600,
    14400,
    86400,
    172800,
)


class SagaInstruments:
    """``wict.bookings`` (counter; ``outcome``: confirmed, rejected, cancelled, expired) and
    ``wict.saga.step.duration`` (histogram, s; ``step``, ``outcome``: what ended the wait)."""

    def __init__(self, meter: Meter) -> None:
        self.bookings = meter.create_counter(
            "wict.bookings", unit="{booking}", description="Bookings that reached an outcome"
        )
        self.step_duration = meter.create_histogram(
            "wict.saga.step.duration",
            unit="s",
            description="How long a saga step waited for its outcome (step=saga: the whole saga)",
            explicit_bucket_boundaries_advisory=STEP_BUCKETS,
        )


instruments = Instruments(SagaInstruments)


def count_booking(outcome: str) -> None:
    """A booking reached ``outcome`` (counted when the transaction commits)."""
    after_commit(lambda: instruments().bookings.add(1, {"outcome": outcome}))


def record_step(step: str, outcome: str, seconds: float) -> None:
    """Saga step ``step`` ended its wait with ``outcome`` after ``seconds`` (when the transaction commits)."""
    after_commit(lambda: instruments().step_duration.record(seconds, {"step": step, "outcome": outcome}))


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
            record_step(step, outcome, seconds)
    ran = before.phase in (Phase.RUNNING, Phase.COMPENSATING)
    if ran and after.phase in (Phase.CONFIRMED, Phase.REJECTED) and "saga" in waited:
        record_step("saga", after.phase.value, waited["saga"])
