"""How long the venue waits: for a saga's participants and staff, and how long options last."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class SagaSettings:
    step_timeout: timedelta = timedelta(seconds=30)
    approval_timeout: timedelta = timedelta(hours=48)
    option_days: int = 7  # options given to organizers promoted from the waitlist

    def deadline(self, step: str, now: datetime) -> datetime:
        return now + (self.approval_timeout if step == "approval" else self.step_timeout)


@dataclass(frozen=True)
class HoldSettings:
    option_days: int = 7
    warn_before: timedelta = timedelta(hours=24)


def option_until(now: datetime, starts_at: datetime, days: int) -> datetime:
    """An option lasts ``days``, but never past the event's start."""
    return min(now + timedelta(days=days), starts_at)
