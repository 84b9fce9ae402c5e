"""Vendor tasks across plan revisions: assigned once, changed naming what changed, cancelled once."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.interpreting.domain.plan import plan_for
from services.interpreting.domain.tasks import (
    CHANGE_NAMES,
    KIND,
    TASK_NAMESPACE,
    Seat,
    task_id,
    task_message_id,
)
from services.interpreting.domain.tasks import vendor_tasks as build
from shared.contracts import VendorTaskAssigned, VendorTaskCancelled, VendorTaskChanged
from shared.participant.domain.task_revisions import (
    BOOKING_CANCELLED,
    BOOKING_CHANGED,
    KnownTask,
    changes,
    on_cancel,
    on_confirm,
)

pytestmark = pytest.mark.unit

BOOKING = uuid.UUID("00000000-0000-4000-8000-000000000002")
START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)
ZONE = ZoneInfo("Asia/Shanghai")
YANGTZE, SILKROAD = "agency-yangtze", "agency-silkroad"
BOTH = [Seat("mobile-1", "zh", "yz-01", YANGTZE), Seat("mobile-1", "zh", "sr-01", SILKROAD)]


def tasks(revision: int, seats=BOTH, hours: float = 3, start=START, cause=None) -> list[VendorTaskAssigned]:
    plan = plan_for("room-a", start, start + timedelta(hours=hours), "en", ["zh"], 80, timedelta(minutes=30))
    return build(BOOKING, plan, seats, cause, ZONE, revision)


def confirm(wanted, known, revision, cause=None):
    return on_confirm(
        wanted,
        known,
        booking_id=BOOKING,
        revision=revision,
        causation_id=cause,
        kind=KIND,
        namespace=TASK_NAMESPACE,
        names=CHANGE_NAMES,
    )


def live(revision: int, told: list[VendorTaskAssigned]) -> list[KnownTask]:
    return [KnownTask(task.task_id, task.vendor_id, revision, True, task) for task in told]


def test_the_first_confirm_assigns_each_vendor_with_an_id_per_task_and_revision():
    steps = confirm(tasks(0), [], 0)
    assert [type(step.message) for step in steps] == [VendorTaskAssigned, VendorTaskAssigned]
    assert all(step.live for step in steps)
    message = steps[0].message
    assert message is not None and message.message_id == task_message_id(message.task_id, 0, "assigned")


def test_a_repeated_confirm_of_the_same_revision_tells_nobody_anything():
    assert confirm(tasks(1), live(1, tasks(1)), 1) == []


def test_a_time_change_is_a_change_naming_the_time_with_the_full_new_content():
    cause = uuid.uuid4()
    later = tasks(1, start=START + timedelta(hours=1), cause=cause)
    steps = confirm(later, live(0, tasks(0)), 1, cause)
    assert {step.vendor_id for step in steps} == {YANGTZE, SILKROAD}
    for step in steps:
        assert isinstance(step.message, VendorTaskChanged) and step.live
        assert step.message.changes == ["time"]
        assert step.message.starts_at == START + timedelta(hours=1)
        assert step.message.task_id == task_id(BOOKING, step.vendor_id)
        assert step.message.message_id == task_message_id(step.message.task_id, 1, "changed")
        assert step.message.causation_id == cause
        assert step.message.vendor_subject() == f"tasks.interpreting.{step.vendor_id}.changed"


def test_a_vendor_left_out_is_cancelled_because_the_booking_changed_and_an_unchanged_one_hears_nothing():
    only_silkroad = tasks(1, seats=[Seat("mobile-1", "zh", "sr-01", SILKROAD)])
    steps = {step.vendor_id: step for step in confirm(only_silkroad, live(0, tasks(0)), 1)}
    cancelled = steps[YANGTZE].message
    assert isinstance(cancelled, VendorTaskCancelled) and not steps[YANGTZE].live
    assert cancelled.reason == BOOKING_CHANGED
    assert cancelled.message_id == task_message_id(task_id(BOOKING, YANGTZE), 1, "cancelled")
    assert (steps[SILKROAD].live, steps[SILKROAD].message) == (True, None)  # its own part is the same

    same = confirm(tasks(1), live(0, tasks(0)), 1)
    assert [(step.live, step.message) for step in same] == [(True, None), (True, None)]


def test_a_vendor_cancelled_before_and_needed_again_is_assigned_under_its_old_task_id():
    known = [KnownTask("legacy-id", YANGTZE, 1, False)]
    [step] = [step for step in confirm(tasks(2), known, 2) if step.vendor_id == YANGTZE]
    assert isinstance(step.message, VendorTaskAssigned) and step.message.task_id == "legacy-id"
    assert step.message.message_id == task_message_id("legacy-id", 2, "assigned")


def test_what_changed_is_named_once_per_kind_and_unknown_content_counts_as_everything():
    before, after = tasks(0)[0], tasks(1, hours=5, seats=[*BOTH, Seat("mobile-1", "zh", "yz-02", YANGTZE)])[0]
    assert changes(before, after, CHANGE_NAMES) == ["time", "team"]
    assert set(changes(None, after, CHANGE_NAMES)) >= {"time", "space", "booths", "team", "languages"}


def test_cancelling_the_firm_revision_cancels_its_live_tasks_only():
    known = [*live(3, tasks(3)), KnownTask("x", "agency-other", 2, False)]
    cause = uuid.uuid4()
    steps = on_cancel(
        known, booking_id=BOOKING, revision=3, causation_id=cause, kind=KIND, namespace=TASK_NAMESPACE
    )
    assert {step.vendor_id for step in steps} == {YANGTZE, SILKROAD}
    for step in steps:
        assert isinstance(step.message, VendorTaskCancelled) and not step.live
        assert (step.message.reason, step.message.causation_id) == (BOOKING_CANCELLED, cause)
        assert step.message.vendor_subject() == f"tasks.interpreting.{step.vendor_id}.cancelled"
    assert (
        on_cancel(
            known, booking_id=BOOKING, revision=2, causation_id=cause, kind=KIND, namespace=TASK_NAMESPACE
        )
        == []
    )
