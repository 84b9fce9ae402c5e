from datetime import timedelta

import pytest

from services.notify.domain.retry import RetryPolicy, after_failure

pytestmark = pytest.mark.unit


def test_waits_double_from_the_base_up_to_the_cap() -> None:
    policy = RetryPolicy(max_attempts=10, base_seconds=2, max_seconds=60)

    waits = [policy.backoff(attempts).total_seconds() for attempts in range(1, 8)]

    assert waits == [2, 4, 8, 16, 32, 60, 60]


def test_gives_up_after_the_last_attempt() -> None:
    policy = RetryPolicy(max_attempts=3, base_seconds=1)

    assert after_failure(policy, 1).state == "pending"
    assert after_failure(policy, 2).wait == timedelta(seconds=2)
    assert after_failure(policy, 3).state == "failed"
    assert after_failure(policy, 3).wait is None


def test_a_permanent_refusal_is_not_retried() -> None:
    assert after_failure(RetryPolicy(max_attempts=8), 1, permanent=True).state == "failed"
