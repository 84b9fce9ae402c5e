"""What ops call a saga's state, and when a saga is stuck. Pure.

A saga is stuck when a step waits past its deadline by more than a grace (the deadline sweep runs every
half second: it should have given the step up long before), or when it has been in flight longer than
a saga can take by its own deadlines (one for the reserves, one for the releases). Waiting for a staff
decision whose deadline is still ahead is not stuck: people take their time (GET /approvals lists them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.venue.domain.saga import LOCAL_STEPS, Phase

BOOKING_STATES = tuple(phase.value for phase in Phase)  # a booking saga's state is its phase
CHANGE_STATES = ("running", "applied", "rejected")  # booking_changes.state
SAGA_STATES = tuple(dict.fromkeys(BOOKING_STATES + CHANGE_STATES))
SAGA_KINDS = ("booking", "change")
IN_FLIGHT = {"booking": ("running", "compensating"), "change": ("running",)}
WAITING = ("pending", "releasing")  # step states that wait for an answer (saga_steps, change_steps)


@dataclass(frozen=True)
class WaitingStep:
    step: str
    state: str
    deadline: datetime | None


@dataclass(frozen=True)
class StuckRules:
    grace: timedelta  # past a deadline by more than this: the sweep missed it
    in_flight: timedelta  # in flight longer than this: no deadline will end it


def default_in_flight(step_timeout: timedelta, grace: timedelta) -> timedelta:
    """The longest a saga takes by its deadlines (reserve, then release), plus the grace."""
    return 2 * step_timeout + grace


def why_stuck(
    kind: str,
    state: str,
    started_at: datetime,
    steps: Sequence[WaitingStep],
    now: datetime,
    rules: StuckRules,
) -> list[str]:
    """Why the saga is stuck, one sentence per cause; empty if it is not."""
    reasons = [
        f"{step.step} {step.state} {_seconds(now - step.deadline)} s past its deadline"
        " (the deadline sweep should have handled it)"
        for step in steps
        if step.deadline is not None and now - step.deadline > rules.grace
    ]
    if state in IN_FLIGHT[kind] and now - started_at > rules.in_flight and not _waits_on_people(steps, now):
        waiting = ", ".join(f"{step.step} ({step.state})" for step in steps) or "no step"
        reasons.append(
            f"{state} for {_seconds(now - started_at)} s (more than {_seconds(rules.in_flight)} s),"
            f" waiting on {waiting}"
        )
    return reasons


def _waits_on_people(steps: Sequence[WaitingStep], now: datetime) -> bool:
    return bool(steps) and all(
        step.step in LOCAL_STEPS and step.deadline is not None and step.deadline > now for step in steps
    )


def _seconds(span: timedelta) -> int:
    return int(span.total_seconds())
