import pytest

from services.venue.domain.change import (
    ApplyChange,
    ChangeState,
    ConfirmNew,
    RejectChange,
    ReleaseNew,
    ReleaseOld,
    on_deadline,
    on_rejected,
    on_reserved,
    start,
)
from services.venue.domain.saga import StepState

pytestmark = pytest.mark.unit


def test_a_change_without_participants_applies_at_once_and_releases_dropped_services():
    decision = start([], {"catering"})
    assert decision.change.state is ChangeState.APPLIED
    assert decision.actions == [ReleaseOld("catering"), ApplyChange()]


def test_all_reserved_confirms_the_new_plan_and_releases_what_it_no_longer_needs():
    change = start(["interpreting"], {"interpreting", "catering"}).change
    assert change.state is ChangeState.RUNNING
    decision = on_reserved(change, "interpreting")
    assert decision.change.state is ChangeState.APPLIED
    assert decision.actions == [ConfirmNew("interpreting"), ReleaseOld("catering"), ApplyChange()]


def test_a_rejection_releases_the_new_plan_only_and_leaves_the_old_alone():
    change = on_reserved(
        start(["interpreting", "catering"], {"interpreting", "catering"}).change, "catering"
    ).change
    decision = on_rejected(change, "interpreting", "no interpreter for ar→zh")
    assert decision.change.state is ChangeState.REJECTED
    assert decision.actions == [ReleaseNew("catering"), RejectChange("no interpreter for ar→zh")]
    assert not any(isinstance(action, ReleaseOld) for action in decision.actions)


def test_a_silent_participant_is_released_too_and_late_answers_are_freed():
    change = start(["approval", "catering"], set()).change
    decision = on_deadline(change, "catering", "no answer")
    assert decision.actions == [ReleaseNew("catering"), RejectChange("no answer")]
    assert decision.change.steps["approval"] is StepState.RELEASED
    assert on_reserved(decision.change, "catering").actions == []  # its release is already on the way
    after_reject = on_rejected(start(["interpreting", "catering"], set()).change, "catering", "x").change
    assert on_reserved(after_reject, "interpreting").actions == []  # released with the rejection


def test_the_approval_step_is_local_in_a_change_too():
    decision = on_reserved(
        on_reserved(start(["approval", "catering"], {"catering"}).change, "approval").change, "catering"
    )
    assert decision.actions == [ConfirmNew("catering"), ApplyChange()]
