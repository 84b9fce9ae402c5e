"""The booking saga's transition function: pure, so every path is unit-tested without I/O.

Steps run in parallel (interpreting, catering). All reserved -> confirm each and the booking.
Any rejection or missed deadline -> release every other step (pending ones too: their reservation may
still arrive), wait for the releases (bounded by a deadline), then free the hall and reject.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

# Steps the venue decides itself (staff approval): nothing to confirm or release at another service.
LOCAL_STEPS = frozenset({"approval"})


class StepState(StrEnum):
    PENDING = "pending"  # command sent, waiting for the participant
    RESERVED = "reserved"  # the participant holds it
    CONFIRMED = "confirmed"  # confirm sent: firm
    REJECTED = "rejected"  # the participant refused; it holds nothing
    RELEASING = "releasing"  # compensation sent, waiting for its acknowledgement
    RELEASED = "released"
    RELEASE_QUEUED = "release_queued"  # not acknowledged in time; the command stays queued durably


class Phase(StrEnum):
    OPTION = "option"  # an option hold: the space only, no saga steps yet
    EXPIRED = "expired"
    RUNNING = "running"
    COMPENSATING = "compensating"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Confirm:
    step: str


@dataclass(frozen=True)
class Release:
    step: str


@dataclass(frozen=True)
class ConfirmBooking:
    pass


@dataclass(frozen=True)
class RejectBooking:
    reason: str


@dataclass(frozen=True)
class CancelBooking:
    reason: str


Action = Confirm | Release | ConfirmBooking | RejectBooking | CancelBooking


@dataclass(frozen=True)
class Saga:
    phase: Phase
    steps: Mapping[str, StepState]
    reason: str | None = None

    @property
    def terminal(self) -> bool:
        return self.phase in (Phase.CONFIRMED, Phase.REJECTED, Phase.CANCELLED)


@dataclass(frozen=True)
class Decision:
    saga: Saga
    actions: list[Action] = field(default_factory=list)


def start(steps: list[str]) -> Decision:
    """A new saga; with no participant steps the booking is confirmed at once."""
    saga = Saga(Phase.RUNNING, {step: StepState.PENDING for step in steps})
    if not steps:
        return Decision(replace(saga, phase=Phase.CONFIRMED), [ConfirmBooking()])
    return Decision(saga)


def _with(saga: Saga, step: str, state: StepState, **changes: object) -> Saga:
    return replace(saga, steps={**saga.steps, step: state}, **changes)  # type: ignore[arg-type]


def on_reserved(saga: Saga, step: str) -> Decision:
    if saga.phase is not Phase.RUNNING:
        # late answer after the saga gave up, or compensation already asked for it
        late = saga.steps.get(step) not in (StepState.RELEASING, StepState.RELEASED, StepState.CONFIRMED)
        gave_up = saga.phase in (Phase.REJECTED, Phase.CANCELLED)
        return Decision(saga, [Release(step)] if late and gave_up else [])
    if saga.steps.get(step) is not StepState.PENDING:
        return Decision(saga)
    saga = _with(saga, step, StepState.RESERVED)
    if all(state is StepState.RESERVED for state in saga.steps.values()):
        confirmed = replace(saga, phase=Phase.CONFIRMED, steps=dict.fromkeys(saga.steps, StepState.CONFIRMED))
        remote = [name for name in saga.steps if name not in LOCAL_STEPS]
        return Decision(confirmed, [*(Confirm(name) for name in remote), ConfirmBooking()])
    return Decision(saga)


def on_rejected(saga: Saga, step: str, reason: str) -> Decision:
    state = saga.steps.get(step)
    if saga.phase is Phase.RUNNING and state is StepState.PENDING:
        return _compensate(_with(saga, step, StepState.REJECTED), reason)
    if saga.phase is Phase.COMPENSATING and state is StepState.RELEASING:
        return on_released(saga, step)  # it never held anything
    return Decision(saga)


def on_deadline(saga: Saga, step: str, reason: str) -> Decision:
    """The step's deadline passed: a pending reserve is given up, a pending release is left queued."""
    state = saga.steps.get(step)
    if saga.phase is Phase.RUNNING and state is StepState.PENDING:
        return _compensate(saga, reason)
    if saga.phase is Phase.COMPENSATING and state is StepState.RELEASING:
        return _finish_if_released(_with(saga, step, StepState.RELEASE_QUEUED))
    if saga.phase is Phase.CANCELLED and state is StepState.RELEASING:
        return Decision(_with(saga, step, StepState.RELEASE_QUEUED))
    return Decision(saga)


def on_released(saga: Saga, step: str) -> Decision:
    if saga.steps.get(step) is not StepState.RELEASING:
        return Decision(saga)
    if saga.phase is Phase.CANCELLED:
        return Decision(_with(saga, step, StepState.RELEASED))
    if saga.phase is not Phase.COMPENSATING:
        return Decision(saga)
    return _finish_if_released(_with(saga, step, StepState.RELEASED))


def cancel(saga: Saga, reason: str) -> Decision:
    """The organizer (or staff) cancels: release everything held or on its way, in reverse order.

    Unlike a rejection the booking ends at once; the releases are durable commands whose answers are
    recorded as they come. Cancelling a cancelled or rejected booking changes nothing.
    """
    if saga.phase in (Phase.CANCELLED, Phase.REJECTED, Phase.EXPIRED):
        return Decision(saga)
    steps = dict(saga.steps)
    actions: list[Action] = []
    for name in reversed(list(steps)):
        if steps[name] in (StepState.PENDING, StepState.RESERVED, StepState.CONFIRMED):
            steps[name] = StepState.RELEASED if name in LOCAL_STEPS else StepState.RELEASING
            if name not in LOCAL_STEPS:
                actions.append(Release(name))
    return Decision(
        replace(saga, phase=Phase.CANCELLED, steps=steps, reason=reason), [*actions, CancelBooking(reason)]
    )


def _compensate(saga: Saga, reason: str) -> Decision:
    steps = dict(saga.steps)
    actions: list[Action] = []
    # reverse of the order they were started in; the hold (the first step) is released last
    for name in reversed(list(steps)):
        if steps[name] in (StepState.PENDING, StepState.RESERVED):
            if name in LOCAL_STEPS:
                steps[name] = StepState.RELEASED
                continue
            steps[name] = StepState.RELEASING
            actions.append(Release(name))
    decision = _finish_if_released(replace(saga, phase=Phase.COMPENSATING, steps=steps, reason=reason))
    return Decision(decision.saga, actions + decision.actions)


def _finish_if_released(saga: Saga) -> Decision:
    if any(state is StepState.RELEASING for state in saga.steps.values()):
        return Decision(saga)
    return Decision(replace(saga, phase=Phase.REJECTED), [RejectBooking(saga.reason or "rejected")])
