"""The change saga's transition function. Pure.

A change reserves the booking's new plan (revision n+1) beside the live one. All reserved -> confirm
the new plan everywhere (participants then release the old one), release the old plan at participants
the new plan no longer needs, and apply the change. Any rejection or missed deadline -> release what
the new plan reserved; the booking stays exactly as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from services.venue.domain.saga import LOCAL_STEPS, StepState


class ChangeState(StrEnum):
    RUNNING = "running"
    APPLIED = "applied"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ConfirmNew:
    step: str


@dataclass(frozen=True)
class ReleaseNew:
    step: str


@dataclass(frozen=True)
class ReleaseOld:
    step: str


@dataclass(frozen=True)
class ApplyChange:
    pass


@dataclass(frozen=True)
class RejectChange:
    reason: str


ChangeAction = ConfirmNew | ReleaseNew | ReleaseOld | ApplyChange | RejectChange


@dataclass(frozen=True)
class Change:
    state: ChangeState
    steps: Mapping[str, StepState]
    old_steps: frozenset[str]
    reason: str | None = None


@dataclass(frozen=True)
class ChangeDecision:
    change: Change
    actions: list[ChangeAction] = field(default_factory=list)


def start(new_steps: list[str], old_steps: set[str]) -> ChangeDecision:
    """A change waiting for each step of the new plan; with none it applies at once."""
    change = Change(ChangeState.RUNNING, dict.fromkeys(new_steps, StepState.PENDING), frozenset(old_steps))
    return _apply_if_reserved(change)


def on_reserved(change: Change, step: str) -> ChangeDecision:
    if change.state is ChangeState.RUNNING and change.steps.get(step) is StepState.PENDING:
        return _apply_if_reserved(replace(change, steps={**change.steps, step: StepState.RESERVED}))
    if change.state is ChangeState.REJECTED and change.steps.get(step) is not StepState.RELEASING:
        return ChangeDecision(change, [ReleaseNew(step)])  # late: free it
    return ChangeDecision(change)


def on_rejected(change: Change, step: str, reason: str) -> ChangeDecision:
    if change.state is not ChangeState.RUNNING or change.steps.get(step) is not StepState.PENDING:
        return ChangeDecision(change)
    return _reject(replace(change, steps={**change.steps, step: StepState.REJECTED}), reason)


def on_deadline(change: Change, step: str, reason: str) -> ChangeDecision:
    if change.state is not ChangeState.RUNNING or change.steps.get(step) is not StepState.PENDING:
        return ChangeDecision(change)
    return _reject(change, reason)


def abandon(change: Change, reason: str) -> ChangeDecision:
    """Give up a running change (its booking is being cancelled): release what it reserved."""
    if change.state is not ChangeState.RUNNING:
        return ChangeDecision(change)
    return _reject(change, reason)


def _apply_if_reserved(change: Change) -> ChangeDecision:
    if any(state is not StepState.RESERVED for state in change.steps.values()):
        return ChangeDecision(change)
    applied = replace(
        change, state=ChangeState.APPLIED, steps=dict.fromkeys(change.steps, StepState.CONFIRMED)
    )
    remote_new = [step for step in change.steps if step not in LOCAL_STEPS]
    dropped = [
        step for step in sorted(change.old_steps) if step not in change.steps and step not in LOCAL_STEPS
    ]
    actions: list[ChangeAction] = [
        *(ConfirmNew(step) for step in remote_new),
        *(ReleaseOld(s) for s in dropped),
    ]
    return ChangeDecision(applied, [*actions, ApplyChange()])


def _reject(change: Change, reason: str) -> ChangeDecision:
    steps = dict(change.steps)
    actions: list[ChangeAction] = []
    for step in reversed(list(steps)):
        if steps[step] in (StepState.PENDING, StepState.RESERVED) and step not in LOCAL_STEPS:
            steps[step] = StepState.RELEASING
            actions.append(ReleaseNew(step))
        elif steps[step] in (StepState.PENDING, StepState.RESERVED):
            steps[step] = StepState.RELEASED
    rejected = replace(change, state=ChangeState.REJECTED, steps=steps, reason=reason)
    return ChangeDecision(rejected, [*actions, RejectChange(reason)])
