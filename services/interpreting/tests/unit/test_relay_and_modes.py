import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.interpreting.domain.plan import plan_for
from services.interpreting.domain.relay import relay_pivots
from services.interpreting.domain.roster import Pair, load_roster
from services.interpreting.domain.tasks import Seat, vendor_tasks

pytestmark = pytest.mark.unit

ROSTER = load_roster()
START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)
LOAD = timedelta(minutes=30)
BOOKING = uuid.uuid4()


def plan(floor="en", targets=("zh",), hours=1.0, attendees=120):
    end = START + timedelta(hours=hours)
    return plan_for("room-a", START, end, floor, list(targets), attendees, LOAD, ROSTER)


def test_a_target_nobody_covers_from_the_floor_is_relayed_through_a_covered_target():
    covered = {Pair("th", "en"), Pair("en", "lo")}.__contains__
    assert relay_pivots("th", ["en", "lo"], covered) == {"lo": "en"}
    assert relay_pivots("th", ["lo"], covered) == {}  # no other booth to take it from
    assert (
        relay_pivots("th", ["en", "lo"], {Pair("th", "en"), Pair("th", "lo"), Pair("en", "lo")}.__contains__)
        == {}
    )


def test_a_relayed_plan_staffs_the_pivot_to_target_pair():
    planned = plan(floor="th", targets=("en", "lo"))
    assert planned.relays == (("lo", "en"),)
    assert planned.pairs == [Pair("th", "en"), Pair("en", "lo")]
    assert planned.booths == 2


def test_no_relay_when_a_direct_interpreter_exists_or_nobody_covers_the_relay():
    assert plan(floor="en", targets=("zh", "lo")).relays == ()
    assert plan(floor="ar", targets=("zh", "en")).relays == ()


def test_the_relay_is_named_in_the_agency_task():
    planned = plan(floor="th", targets=("en", "lo"), hours=0.5)
    seats = [
        Seat("mobile-1", "en", "yz-07", "agency-yangtze"),
        Seat("mobile-2", "lo", "sr-08", "agency-silkroad"),
    ]
    silkroad = next(
        t
        for t in vendor_tasks(BOOKING, planned, seats, None, ROSTER.zone)
        if t.vendor_id == "agency-silkroad"
    )
    assert silkroad.details["relay"] == ["th→en→lo"]
    assert silkroad.details["language_pairs"] == ["en→lo"]
    assert "relay: th→en→lo" in silkroad.summary


def test_a_small_meeting_into_one_language_goes_consecutive_without_booth_or_receivers():
    small = plan(attendees=30, hours=4)
    assert (small.mode, small.booths, small.team_per_booth, small.receivers) == ("consecutive", 0, 1, 0)
    assert plan(attendees=30, hours=5).team_per_booth == 2
    task = vendor_tasks(BOOKING, small, [Seat("", "zh", "yz-01", "agency-yangtze")], None, ROSTER.zone)[0]
    assert task.details["mode"] == "consecutive" and task.details["booths"] == []
    assert task.summary.startswith("Consecutive interpretation en→zh")


@pytest.mark.parametrize(("attendees", "targets"), [(31, ("zh",)), (10, ("zh", "ja"))])
def test_larger_or_multilingual_meetings_stay_simultaneous(attendees, targets):
    planned = plan(attendees=attendees, targets=targets, hours=4)
    assert (planned.mode, planned.team_per_booth) == ("simultaneous", 2)


def test_without_a_roster_every_plan_is_simultaneous():
    assert plan_for("room-a", START, START + timedelta(hours=1), "en", ["zh"], 5, LOAD).mode == "simultaneous"
