import pytest

from services.venue.domain.saga import (
    Confirm,
    ConfirmBooking,
    Phase,
    RejectBooking,
    Release,
    StepState,
    on_deadline,
    on_rejected,
    on_released,
    on_reserved,
    start,
)

pytestmark = pytest.mark.unit

BOTH = ["interpreting", "catering"]


def test_without_services_the_booking_is_confirmed_at_once():
    decision = start([])
    assert decision.saga.phase is Phase.CONFIRMED
    assert decision.actions == [ConfirmBooking()]


def test_all_reserved_confirms_every_step_and_the_booking():
    saga = start(BOTH).saga
    first = on_reserved(saga, "catering")
    assert first.saga.phase is Phase.RUNNING and first.actions == []
    second = on_reserved(first.saga, "interpreting")
    assert second.saga.phase is Phase.CONFIRMED
    assert set(second.saga.steps.values()) == {StepState.CONFIRMED}
    assert second.actions == [Confirm("interpreting"), Confirm("catering"), ConfirmBooking()]


def test_a_rejection_releases_the_other_steps_and_waits_for_them():
    saga = on_reserved(start(BOTH).saga, "interpreting").saga
    decision = on_rejected(saga, "catering", "needs 72 h notice")
    assert decision.saga.phase is Phase.COMPENSATING
    assert decision.saga.reason == "needs 72 h notice"
    assert decision.saga.steps == {"interpreting": StepState.RELEASING, "catering": StepState.REJECTED}
    assert decision.actions == [Release("interpreting")]
    done = on_released(decision.saga, "interpreting")
    assert done.saga.phase is Phase.REJECTED
    assert done.actions == [RejectBooking("needs 72 h notice")]


def test_pending_steps_are_released_too_and_compensation_runs_in_reverse_order():
    saga = start(["interpreting", "catering", "network"]).saga
    decision = on_rejected(saga, "interpreting", "no interpreter")
    assert decision.actions == [Release("network"), Release("catering")]


def test_a_single_step_rejection_rejects_at_once():
    decision = on_rejected(start(["catering"]).saga, "catering", "unknown menu")
    assert decision.saga.phase is Phase.REJECTED
    assert decision.actions == [RejectBooking("unknown menu")]


def test_a_missed_deadline_compensates_the_silent_step_as_well():
    saga = on_reserved(start(BOTH).saga, "catering").saga
    decision = on_deadline(saga, "interpreting", "no answer")
    assert decision.saga.phase is Phase.COMPENSATING
    assert decision.actions == [Release("catering"), Release("interpreting")]


def test_a_release_that_is_never_acknowledged_ends_queued_and_the_saga_still_finishes():
    compensating = on_deadline(start(BOTH).saga, "interpreting", "no answer").saga
    after_one = on_released(compensating, "catering")
    assert after_one.saga.phase is Phase.COMPENSATING
    finished = on_deadline(after_one.saga, "interpreting", "no answer")
    assert finished.saga.steps["interpreting"] is StepState.RELEASE_QUEUED
    assert finished.saga.phase is Phase.REJECTED
    assert finished.actions == [RejectBooking("no answer")]


def test_a_late_reservation_after_rejection_is_released():
    rejected = on_rejected(start(["interpreting"]).saga, "interpreting", "x").saga
    # contradictory, but whatever it holds must not stay held: releasing is idempotent
    assert on_reserved(rejected, "interpreting").actions == [Release("interpreting")]
    two = on_rejected(start(BOTH).saga, "catering", "x").saga
    finished = on_released(two, "interpreting").saga
    assert finished.phase is Phase.REJECTED
    assert on_reserved(finished, "interpreting").actions == []  # its release was already sent


def test_a_rejection_during_compensation_counts_as_released():
    compensating = on_rejected(start(BOTH).saga, "catering", "x").saga
    decision = on_rejected(compensating, "interpreting", "also no")
    assert decision.saga.phase is Phase.REJECTED
    assert decision.saga.reason == "x"


@pytest.mark.parametrize("event", ["reserved", "rejected", "released", "deadline"])
def test_events_after_confirmation_change_nothing(event):
    confirmed = on_reserved(on_reserved(start(BOTH).saga, "interpreting").saga, "catering").saga
    transition = {
        "reserved": lambda s: on_reserved(s, "catering"),
        "rejected": lambda s: on_rejected(s, "catering", "late"),
        "released": lambda s: on_released(s, "catering"),
        "deadline": lambda s: on_deadline(s, "catering", "late"),
    }[event]
    decision = transition(confirmed)
    assert decision.saga == confirmed and decision.actions == []


def test_duplicate_reservation_is_idempotent():
    saga = on_reserved(start(BOTH).saga, "catering").saga
    again = on_reserved(saga, "catering")
    assert again.saga == saga and again.actions == []


def test_the_approval_step_is_local_nothing_is_sent_to_confirm_or_release_it():
    saga = start(["approval", "catering"]).saga
    declined = on_rejected(on_reserved(saga, "catering").saga, "approval", "the venue declined")
    assert declined.actions == [Release("catering")]
    approved = on_reserved(on_reserved(saga, "approval").saga, "catering")
    assert approved.actions == [Confirm("catering"), ConfirmBooking()]
    timed_out = on_deadline(saga, "approval", "no decision")
    assert timed_out.saga.steps["approval"] is StepState.RELEASED
    assert timed_out.actions == [Release("catering")]


def test_cancelling_a_confirmed_booking_releases_every_service_in_reverse_and_ends_at_once():
    from services.venue.domain.saga import CancelBooking, cancel

    confirmed = on_reserved(on_reserved(start(BOTH).saga, "interpreting").saga, "catering").saga
    decision = cancel(confirmed, "event postponed")
    assert decision.saga.phase is Phase.CANCELLED
    assert decision.actions == [
        Release("catering"),
        Release("interpreting"),
        CancelBooking("event postponed"),
    ]
    after = on_released(decision.saga, "catering").saga
    assert after.steps["catering"] is StepState.RELEASED and after.phase is Phase.CANCELLED
    assert cancel(after, "again").actions == []


def test_cancelling_while_the_saga_runs_releases_pending_steps_and_late_reservations():
    from services.venue.domain.saga import CancelBooking, cancel

    running = on_reserved(start(["approval", *BOTH]).saga, "interpreting").saga
    decision = cancel(running, "changed plans")
    assert decision.saga.steps["approval"] is StepState.RELEASED
    assert decision.actions == [Release("catering"), Release("interpreting"), CancelBooking("changed plans")]
    assert on_deadline(decision.saga, "catering", "x").saga.steps["catering"] is StepState.RELEASE_QUEUED
