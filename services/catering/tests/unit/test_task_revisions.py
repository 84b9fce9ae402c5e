"""The caterer's task across plan revisions: what a change names, from the caterer's point of view."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.catering.domain.menus import load_menus
from services.catering.domain.tasks import CHANGE_NAMES, KIND, TASK_NAMESPACE, ConfirmedOrder, vendor_task
from shared.contracts import VendorTaskChanged
from shared.participant.domain.task_revisions import KnownTask, changes, on_confirm

pytestmark = pytest.mark.unit

BOOK = load_menus()
STARTS = datetime(2027, 3, 2, 11, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
ORDER = ConfirmedOrder(
    booking_id=uuid.uuid4(),
    menu="western-buffet",
    headcount=120,
    meal_period="lunch",
    serve_at=STARTS + timedelta(hours=1),
    space_id="multifunctional-hall",
    starts_at=STARTS,
    ends_at=STARTS + timedelta(hours=3),
)


def named(**change: object) -> list[str]:
    before = vendor_task(ORDER, BOOK, None, 0)
    after = vendor_task(dataclasses.replace(ORDER, **change), BOOK, None, 1)
    return changes(before, after, CHANGE_NAMES)


@pytest.mark.parametrize(
    ("change", "names"),
    [
        ({"headcount": 110}, ["headcount"]),  # still 5 servers and 2 captains
        ({"headcount": 150}, ["headcount", "staff"]),
        ({"menu": "chinese-banquet"}, ["menu", "staff"]),  # a banquet has no captains
        ({"space_id": "room-a"}, ["space"]),
        ({"serve_at": STARTS + timedelta(hours=2)}, ["serving_time"]),
        ({"starts_at": STARTS - timedelta(hours=1)}, ["time"]),
        ({}, []),
    ],
)
def test_a_change_names_what_the_caterer_must_do_differently(change: dict, names: list[str]) -> None:
    assert named(**change) == names


def test_the_change_carries_the_whole_new_task() -> None:
    told = vendor_task(ORDER, BOOK, None, 0)
    cause = uuid.uuid4()
    wanted = vendor_task(dataclasses.replace(ORDER, headcount=150), BOOK, cause, 1)
    [step] = on_confirm(
        [wanted],
        [KnownTask(told.task_id, told.vendor_id, 0, True, told)],
        booking_id=ORDER.booking_id,
        revision=1,
        causation_id=cause,
        kind=KIND,
        namespace=TASK_NAMESPACE,
        names=CHANGE_NAMES,
    )
    assert isinstance(step.message, VendorTaskChanged)
    assert step.message.details == wanted.details and step.message.summary == wanted.summary
    assert step.message.vendor_subject() == "tasks.catering.caterer-cuntan-kitchen.changed"
