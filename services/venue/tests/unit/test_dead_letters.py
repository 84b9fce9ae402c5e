import uuid

import pytest

from services.venue.domain.dead_letters import BookingRef, booking_of, organizer_reason, step_of
from services.venue.domain.saga import Phase, Release, StepState, on_deadline, on_released, start

pytestmark = pytest.mark.unit

BOOKING = uuid.uuid4()


@pytest.mark.parametrize(
    ("subject", "step"),
    [
        ("interpreting.cmd.reserve", "interpreting"),
        ("catering.cmd.release", "catering"),
        ("interpreting.evt.reserved", "interpreting"),
        ("catering.evt.rejected", "catering"),
        ("catering.evt.released", "catering"),
        # nothing a saga waits on: the booking is confirmed already, or it is not a saga message
        ("interpreting.cmd.confirm", None),
        ("catering.evt.confirmed", None),
        ("interpreting.evt.task_state", None),
        ("venue.evt.booking_confirmed", None),
        ("tasks.catering.caterer-1.accepted", None),
    ],
)
def test_a_dead_letter_names_the_saga_step_that_waited_on_it(subject, step):
    assert step_of(subject) == step


def test_the_booking_is_read_from_a_payload_whose_other_fields_are_malformed():
    payload = (
        b'{"booking_id": "%s", "revision": 2, "attendees": "ninety", "starts_at": 7}' % str(BOOKING).encode()
    )
    assert booking_of(payload) == BookingRef(BOOKING, 2)
    assert booking_of(b'{"booking_id": "%s"}' % str(BOOKING).encode()) == BookingRef(BOOKING, 0)


@pytest.mark.parametrize(
    "payload",
    [b"\xff\xfe not json", b'{"booking_id": "42"}', b"[1, 2]", b'{"revision": 0}', b'{"booking_id": '],
)
def test_a_payload_naming_no_booking_readably_names_none(payload):
    assert booking_of(payload) is None


def test_a_dead_lettered_reserve_compensates_the_saga_at_once_and_only_once():
    saga = start(["interpreting", "catering"]).saga
    given_up = on_deadline(saga, "interpreting", organizer_reason("interpreting"))
    assert given_up.saga.phase is Phase.COMPENSATING
    assert given_up.actions == [Release("catering"), Release("interpreting")]
    assert on_deadline(given_up.saga, "interpreting", organizer_reason("interpreting")).actions == []  # again
    done = on_released(on_released(given_up.saga, "catering").saga, "interpreting")
    assert done.saga.phase is Phase.REJECTED
    assert done.saga.reason == organizer_reason("interpreting")


def test_a_dead_lettered_release_leaves_the_step_to_ops_and_finishes_the_rejection():
    compensating = on_deadline(start(["interpreting"]).saga, "interpreting", "no answer").saga
    finished = on_deadline(compensating, "interpreting", organizer_reason("interpreting"))
    assert finished.saga.steps["interpreting"] is StepState.RELEASE_QUEUED
    assert finished.saga.phase is Phase.REJECTED
