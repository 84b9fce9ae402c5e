import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.interpreting.domain.plan import plan_for
from services.interpreting.domain.tasks import Seat, task_id, vendor_tasks

pytestmark = pytest.mark.unit

BOOKING = uuid.UUID("00000000-0000-4000-8000-000000000001")
START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)
PLAN = plan_for("room-a", START, START + timedelta(hours=3), "en", ["zh", "fr"], 80, timedelta(minutes=30))
SEATS = [
    Seat("mobile-1", "zh", "yz-01", "agency-yangtze"),
    Seat("mobile-1", "zh", "sr-01", "agency-silkroad"),
    Seat("mobile-2", "fr", "yz-03", "agency-yangtze"),
    Seat("mobile-2", "fr", "sr-06", "agency-silkroad"),
]


def tasks():
    return vendor_tasks(BOOKING, PLAN, SEATS, uuid.uuid4(), ZoneInfo("Asia/Shanghai"))


def test_one_task_per_agency_on_its_own_subject_with_only_its_seats():
    by_vendor = {task.vendor_id: task for task in tasks()}
    assert set(by_vendor) == {"agency-yangtze", "agency-silkroad"}
    yangtze = by_vendor["agency-yangtze"]
    assert yangtze.vendor_subject() == "tasks.interpreting.agency-yangtze.assigned"
    assert yangtze.details["interpreters"] == ["yz-01", "yz-03"]
    assert yangtze.details["booths"] == ["mobile-1", "mobile-2"]
    assert yangtze.details["language_pairs"] == ["en→zh", "en→fr"]
    assert yangtze.details["team_per_booth"] == 2


def test_load_in_and_out_are_thirty_minutes_around_the_meeting():
    task = tasks()[0]
    assert task.load_in_at == START - timedelta(minutes=30)
    assert task.load_out_at == START + timedelta(hours=3, minutes=30)
    assert "2027-03-02 14:00–17:00 (Asia/Shanghai)" in task.summary


def test_ids_are_deterministic_so_a_second_confirmation_makes_no_second_task():
    first, second = tasks(), tasks()
    assert [t.task_id for t in first] == [t.task_id for t in second]
    assert [t.message_id for t in first] == [t.message_id for t in second]
    assert first[0].task_id == task_id(BOOKING, first[0].vendor_id)
    assert len({t.message_id for t in first}) == 2


def test_no_guest_personal_data_only_ids_and_counts():
    encoded = msgspec.json.decode(msgspec.json.encode(tasks()[0]))
    assert "organizer" not in encoded
    assert set(encoded["details"]) == {
        "booths",
        "interpreters",
        "language_pairs",
        "seats",
        "team_per_booth",
        "listeners",
        "local_time",
        "mode",
        "receivers",
    }
