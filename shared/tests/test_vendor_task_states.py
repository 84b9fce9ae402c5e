"""The pure rules of vendor answers: which answer moves which state, when a task must be answered, and
which answers are ignored."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from shared.contracts.tasks import VendorTaskAccepted, VendorTaskDeclined, VendorTaskDone
from shared.participant.domain.task_states import AnswerWindow, Task, after_answer, answer_name, refusal

pytestmark = pytest.mark.unit

NOW = datetime(2027, 3, 1, 6, 0, tzinfo=UTC)
BOOKING = uuid.UUID("00000000-0000-4000-8000-000000000009")
LAST = uuid.UUID("00000000-0000-4000-8000-00000000000a")


@pytest.mark.parametrize(
    ("state", "answer", "after"),
    [
        ("awaiting_answer", "accepted", "accepted"),
        ("awaiting_answer", "declined", "declined"),
        ("awaiting_answer", "done", "done"),
        ("accepted", "done", "done"),
        ("accepted", "declined", "declined"),
        ("accepted", "accepted", None),  # a repeat changes nothing
        ("done", "declined", None),
        ("done", "done", None),
        ("declined", "accepted", None),
        ("expired", "accepted", None),
        ("cancelled", "done", None),
        ("escalated", "declined", None),
    ],
)
def test_each_answer_moves_only_the_states_it_may(state, answer, after):
    assert after_answer(state, answer) == after


def test_the_deadline_is_a_day_or_a_day_before_load_in_whichever_comes_first_but_never_under_a_minute():
    window = AnswerWindow(seconds=86400, margin_seconds=86400)
    assert window.due(NOW, NOW + timedelta(days=30)) == NOW + timedelta(days=1)
    assert window.due(NOW, NOW + timedelta(hours=30)) == NOW + timedelta(hours=6)
    assert window.due(NOW, NOW + timedelta(hours=2)) == NOW + timedelta(seconds=60)  # already too late
    assert AnswerWindow(3600, 0).due(NOW, NOW + timedelta(days=2)) == NOW + timedelta(hours=1)


def task(state="awaiting_answer", vendor="agency-a") -> Task:
    return Task(f"interpreting-{BOOKING}-{vendor}", BOOKING, "interpreting", vendor, 0, state, 1, LAST)


def accepted(vendor="agency-a", in_reply_to=LAST, **fields) -> VendorTaskAccepted:
    values = {"booking_id": BOOKING, "task_id": f"interpreting-{BOOKING}-agency-a", "kind": "interpreting"}
    return VendorTaskAccepted(**{**values, **fields}, vendor_id=vendor, in_reply_to=in_reply_to)


def test_an_answer_to_the_task_as_it_is_now_applies():
    assert refusal(accepted(), task()) is None
    assert refusal(accepted(in_reply_to=None), task()) is None  # without in_reply_to: the task as it is now


def test_unknown_foreign_stale_and_closed_answers_are_refused():
    assert refusal(accepted(), None) == "unknown task"
    assert refusal(accepted(vendor="agency-b"), task()) == "the task belongs to another vendor or booking"
    assert (
        refusal(accepted(booking_id=uuid.uuid4()), task()) == "the task belongs to another vendor or booking"
    )
    assert refusal(accepted(kind="catering"), task()) == "the task belongs to another vendor or booking"
    assert (
        refusal(accepted(in_reply_to=uuid.uuid4()), task())
        == "stale: it answers an earlier version of the task"
    )
    assert refusal(accepted(), task("cancelled")) == "a task that is cancelled cannot be accepted"
    assert refusal(accepted(), task("accepted")) == "a task that is accepted cannot be accepted"


def test_the_answer_is_named_by_its_subject():
    common = {"booking_id": BOOKING, "task_id": "t", "kind": "catering", "vendor_id": "v"}
    assert [answer_name(a) for a in (VendorTaskAccepted(**common), VendorTaskDone(**common))] == [
        "accepted",
        "done",
    ]
    assert answer_name(VendorTaskDeclined(**common, reason="no staff")) == "declined"


def test_the_answer_window_comes_from_the_environment_with_a_day_by_default():
    from shared.config import load
    from shared.participant.settings import VendorTaskConfig

    assert load(VendorTaskConfig, {}).answer_window == AnswerWindow(86400, 86400)
    custom = load(
        VendorTaskConfig, {"WICT_VENDOR_ANSWER_SECONDS": "3600", "WICT_VENDOR_ANSWER_MARGIN_SECONDS": "0"}
    )
    assert custom.answer_window == AnswerWindow(3600, 0)
