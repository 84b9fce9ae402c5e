"""Backoff after failed sign-ins, per e-mail address and per client address. Pure.

A few failures are free; each one after them locks the key for twice as long as the one before, up to a
cap. A quiet spell forgets the failures. An unknown address is counted like a known one, so a lockout
tells nothing about which addresses have accounts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Backoff:
    free_failures: int
    first_lock: timedelta
    longest_lock: timedelta
    forget_after: timedelta = timedelta(hours=1)

    def after_failure(
        self, failures_before: int, last_failure_at: datetime | None, now: datetime
    ) -> tuple[int, datetime | None]:
        """The failure count after one more failure now, and until when the key is locked (None: not)."""
        forgotten = last_failure_at is None or now - last_failure_at >= self.forget_after
        failures = 1 if forgotten else failures_before + 1
        if failures < self.free_failures:
            return failures, None
        doublings = min(failures - self.free_failures, 30)
        lock = min(self.first_lock * (2**doublings), self.longest_lock)
        return failures, now + lock


# an address: 5 free tries, then 30 s, 1 min, 2 min ... up to 15 min; a client address (maybe a whole
# office behind one NAT) gets more before it is slowed down
PER_EMAIL = Backoff(free_failures=5, first_lock=timedelta(seconds=30), longest_lock=timedelta(minutes=15))
PER_CLIENT = Backoff(free_failures=20, first_lock=timedelta(seconds=30), longest_lock=timedelta(minutes=15))


def retry_after_seconds(locked_until: datetime | None, now: datetime) -> int:
    """Whole seconds until the lock ends (at least 1 while locked), 0 if not locked."""
    if locked_until is None or locked_until <= now:
        return 0
    return max(1, math.ceil((locked_until - now).total_seconds()))


@dataclass(frozen=True)
class MailBudget:
    """E-mails sent to one address on anonymous requests (sign-up, sign-in link, reset) per window."""

    per_window: int = 5
    window: timedelta = timedelta(hours=1)

    def allows(self, sent: int, window_starts_at: datetime | None, now: datetime) -> bool:
        if window_starts_at is None or now - window_starts_at >= self.window:
            return True
        return sent < self.per_window
