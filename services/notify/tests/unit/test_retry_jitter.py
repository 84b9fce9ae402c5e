from datetime import timedelta

import pytest

from services.notify.domain.retry import RetryPolicy, after_failure

pytestmark = pytest.mark.unit


def test_full_jitter_waits_anywhere_between_zero_and_the_exponential_bound() -> None:
    policy = RetryPolicy(max_attempts=10, base_seconds=5, max_seconds=3600, jitter=True)

    assert after_failure(policy, 3, draw=lambda: 0.0).wait == timedelta(0)
    assert after_failure(policy, 3, draw=lambda: 0.5).wait == timedelta(seconds=10)
    assert after_failure(policy, 3, draw=lambda: 0.999).wait < timedelta(seconds=20)
    capped = RetryPolicy(max_attempts=20, base_seconds=5, max_seconds=3600, jitter=True)
    assert after_failure(capped, 15, draw=lambda: 0.999).wait == timedelta(seconds=3600 * 0.999)


def test_jittered_waits_differ_between_deliveries() -> None:
    policy = RetryPolicy(max_attempts=10, base_seconds=5, max_seconds=3600, jitter=True)

    waits = {after_failure(policy, 6).wait for _ in range(20)}

    assert len(waits) > 1
    assert all(wait is not None and timedelta(0) <= wait <= timedelta(seconds=160) for wait in waits)


def test_jitter_still_gives_up_after_the_last_attempt() -> None:
    policy = RetryPolicy(max_attempts=3, jitter=True)

    assert after_failure(policy, 3).state == "failed"
