"""How the saga's transitions read as step outcomes for ``wict.saga.step.duration``."""

import pytest

from services.venue.domain.saga import StepState
from services.venue.handlers.saga_metrics import step_outcome

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("before", "after", "outcome"),
    [
        (StepState.PENDING, StepState.RESERVED, "reserved"),
        (StepState.PENDING, StepState.CONFIRMED, "reserved"),  # the last step to answer confirms all
        (StepState.PENDING, StepState.REJECTED, "rejected"),
        (StepState.PENDING, StepState.RELEASING, "abandoned"),  # a deadline, another step's rejection
        (StepState.PENDING, StepState.RELEASED, "abandoned"),  # the local approval step, compensated
        (StepState.RELEASING, StepState.RELEASED, "released"),
        (StepState.RELEASING, StepState.RELEASE_QUEUED, "release_timeout"),
        (StepState.RESERVED, StepState.CONFIRMED, None),  # was not waiting: nothing to time
        (StepState.RESERVED, StepState.RELEASING, None),
        (None, StepState.PENDING, None),
    ],
)
def test_a_step_is_timed_only_when_its_wait_ends(before, after, outcome):
    assert step_outcome(before, after) == outcome
