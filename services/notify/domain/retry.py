"""When to try a failed delivery again, and when to give up.

E-mail waits exactly ``base * 2^(n-1)`` (capped); webhooks use "full jitter" (a uniform draw between
zero and that wait), so endpoints that failed together are not retried in lockstep.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 8
    base_seconds: float = 2.0
    max_seconds: float = 900.0
    jitter: bool = False

    def backoff(self, attempts: int) -> timedelta:
        """The longest wait after the ``attempts``-th failed attempt: doubling from ``base_seconds``, capped."""
        return timedelta(seconds=min(self.base_seconds * 2 ** max(attempts - 1, 0), self.max_seconds))


@dataclass(frozen=True)
class AfterFailure:
    state: str  # 'pending' (try again after ``wait``) or 'failed' (given up)
    wait: timedelta | None


def after_failure(
    policy: RetryPolicy, attempts: int, permanent: bool = False, draw: Callable[[], float] = random.random
) -> AfterFailure:
    """The delivery's next state once its ``attempts``-th attempt failed (a permanent refusal ends it)."""
    if permanent or attempts >= policy.max_attempts:
        return AfterFailure("failed", None)
    longest = policy.backoff(attempts)
    return AfterFailure("pending", longest * draw() if policy.jitter else longest)
