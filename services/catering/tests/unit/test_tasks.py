"""The caterer's task: staffing, load-in/out, a stable task id, and no guest personal data."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.catering.domain.menus import Menu, load_menus
from services.catering.domain.tasks import (
    ConfirmedOrder,
    Crew,
    crew_for,
    task_id,
    task_message_id,
    vendor_task,
)

pytestmark = pytest.mark.unit

BOOK = load_menus()
SHANGHAI = ZoneInfo("Asia/Shanghai")


def menu(menu_id: str) -> Menu:
    found = BOOK.menu(menu_id)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("headcount", "crew"),
    [
        (1, Crew(1, 1)),
        (25, Crew(1, 1)),
        (26, Crew(2, 1)),
        (100, Crew(4, 1)),
        (101, Crew(5, 2)),
        (800, Crew(32, 8)),
    ],
)
def test_buffets_get_a_server_per_25_and_a_captain_per_100(headcount: int, crew: Crew) -> None:
    assert crew_for(menu("western-buffet"), headcount, BOOK.staffing) == crew


@pytest.mark.parametrize(
    ("menu_id", "headcount", "crew"),
    [
        ("chinese-banquet", 10, Crew(1, 1)),
        ("chinese-banquet", 51, Crew(6, 2)),
        ("chinese-banquet", 230, Crew(23, 5)),
        ("tea-break", 40, Crew(1, 1)),
        ("tea-break", 151, Crew(4, 2)),
        ("welcome-reception", 300, Crew(8, 2)),
    ],
)
def test_banquets_get_a_server_per_10_and_a_captain_per_50_tea_and_receptions_per_40_and_150(
    menu_id: str, headcount: int, crew: Crew
) -> None:
    assert crew_for(menu(menu_id), headcount, BOOK.staffing) == crew


def test_task_id_depends_on_booking_and_caterer_and_message_ids_on_task_revision_and_event() -> None:
    booking = uuid.uuid4()
    task = task_id(booking, "caterer-cuntan-kitchen")
    assert (
        task
        == task_id(uuid.UUID(str(booking)), "caterer-cuntan-kitchen")
        == f"catering-{booking}-caterer-cuntan-kitchen"
    )
    assert task != task_id(booking, "caterer-other")
    assert task_message_id(task, 1, "changed") == task_message_id(task, 1, "changed")
    ids = {task_message_id(task, revision, event) for revision in (0, 1) for event in ("assigned", "changed")}
    assert len(ids) == 4
    assert task_message_id(task) == task_message_id(task, 0, "assigned")


def test_vendor_task_tells_the_caterer_what_when_where_and_how_many() -> None:
    starts = datetime(2027, 3, 2, 11, 0, tzinfo=SHANGHAI)
    order = ConfirmedOrder(
        booking_id=uuid.uuid4(),
        menu="western-buffet",
        headcount=120,
        meal_period="lunch",
        serve_at=starts + timedelta(hours=1),
        space_id="multifunctional-hall",
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
    )
    cause = uuid.uuid4()
    task = vendor_task(order, BOOK, cause)
    assert task.vendor_subject() == "tasks.catering.caterer-cuntan-kitchen.assigned"
    assert task.task_id == task_id(order.booking_id, "caterer-cuntan-kitchen")
    assert task.message_id == task_message_id(task.task_id, 0, "assigned")
    assert vendor_task(order, BOOK, cause, revision=2).message_id == task_message_id(
        task.task_id, 2, "assigned"
    )
    assert (task.causation_id, task.kind, task.space_id) == (cause, "catering", "multifunctional-hall")
    assert task.load_in_at == starts - timedelta(minutes=60)
    assert task.load_out_at == order.ends_at + timedelta(minutes=60)
    assert task.details["headcount"] == 120
    assert (task.details["servers"], task.details["captains"]) == (5, 2)
    assert task.details["serve_at_local"] == "2027-03-02T12:00:00+08:00"
    assert task.summary == (
        "Western-style buffet for 120 guests, lunch 2027-03-02 12:00 (Asia/Shanghai), multifunctional-hall"
    )
    encoded = msgspec.json.encode(task).decode()
    assert "@" not in encoded and "organizer" not in encoded
