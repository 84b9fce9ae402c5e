from datetime import UTC, datetime, timedelta
from typing import get_args

import pytest

from services.venue.domain.ops import SAGA_STATES, StuckRules, WaitingStep, default_in_flight, why_stuck
from services.venue.entrypoints.http.ops import SagaState

pytestmark = pytest.mark.unit

NOW = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)
RULES = StuckRules(grace=timedelta(seconds=30), in_flight=timedelta(seconds=90))


def ago(seconds: float) -> datetime:
    return NOW - timedelta(seconds=seconds)


def test_a_fresh_saga_waiting_within_its_deadline_is_not_stuck():
    steps = [WaitingStep("interpreting", "pending", ago(-25))]
    assert why_stuck("booking", "running", ago(5), steps, NOW, RULES) == []


def test_a_step_past_its_deadline_by_the_grace_or_less_is_the_sweeps_to_handle():
    steps = [WaitingStep("catering", "releasing", ago(30))]
    assert why_stuck("booking", "compensating", ago(40), steps, NOW, RULES) == []


def test_a_step_past_its_deadline_by_more_than_the_grace_is_stuck_in_any_phase():
    steps = [WaitingStep("catering", "releasing", ago(31))]
    for kind, state in (("booking", "compensating"), ("booking", "cancelled"), ("change", "running")):
        reasons = why_stuck(kind, state, ago(40), steps, NOW, RULES)
        assert reasons == [
            "catering releasing 31 s past its deadline (the deadline sweep should have handled it)"
        ]


def test_a_saga_in_flight_too_long_is_stuck_even_with_no_deadline_left():
    reasons = why_stuck(
        "booking", "running", ago(91), [WaitingStep("interpreting", "pending", None)], NOW, RULES
    )
    assert reasons == ["running for 91 s (more than 90 s), waiting on interpreting (pending)"]
    assert why_stuck("change", "running", ago(91), [], NOW, RULES) == [
        "running for 91 s (more than 90 s), waiting on no step"
    ]


def test_an_ended_saga_is_not_in_flight_however_old():
    assert why_stuck("booking", "confirmed", ago(10**6), [], NOW, RULES) == []
    assert why_stuck("change", "applied", ago(10**6), [], NOW, RULES) == []


def test_waiting_for_staff_before_the_approval_deadline_is_not_stuck_but_after_it_is():
    waiting = [WaitingStep("approval", "pending", ago(-3600))]
    assert why_stuck("booking", "running", ago(86400), waiting, NOW, RULES) == []
    with_service = [*waiting, WaitingStep("catering", "pending", ago(-10))]
    assert why_stuck("booking", "running", ago(86400), with_service, NOW, RULES)
    missed = [WaitingStep("approval", "pending", ago(60))]
    assert len(why_stuck("booking", "running", ago(86400), missed, NOW, RULES)) == 2


def test_by_default_a_saga_may_take_a_reserve_and_a_release_deadline_plus_the_grace():
    assert default_in_flight(timedelta(seconds=30), timedelta(seconds=30)) == timedelta(seconds=90)


def test_the_api_offers_exactly_the_states_sagas_have():
    assert set(get_args(SagaState)) == set(SAGA_STATES)
