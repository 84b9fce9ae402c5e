from datetime import UTC, datetime, timedelta

import pytest

from services.interpreting.domain.plan import CannotServe, plan_for
from services.interpreting.domain.roster import Pair

pytestmark = pytest.mark.unit

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai
LOAD = timedelta(minutes=30)


def plan(floor="en", targets=("zh",), hours=4.0, starts_at=START):
    return plan_for("room-a", starts_at, starts_at + timedelta(hours=hours), floor, list(targets), 120, LOAD)


def test_a_two_language_meeting_needs_one_booth_of_two_for_four_hours():
    planned = plan()
    assert planned.booths == 1
    assert planned.team_per_booth == 2
    assert planned.pairs == [Pair("en", "zh")]


def test_each_target_language_is_a_pair_from_the_floor():
    planned = plan(floor="zh", targets=("en", "ja", "ko"), hours=5)
    assert planned.booths == 3
    assert planned.team_per_booth == 3
    assert [str(pair) for pair in planned.pairs] == ["zh→en", "zh→ja", "zh→ko"]


def test_load_in_and_out_frame_the_meeting():
    planned = plan()
    assert planned.load_in_at == START - LOAD
    assert planned.load_out_at == START + timedelta(hours=4) + LOAD


def test_language_codes_are_normalized_to_lower_case():
    assert plan(floor=" EN", targets=("Zh",)).pairs == [Pair("en", "zh")]


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"floor": "english"}, "floor language 'english' is not an ISO 639-1 code"),
        ({"targets": ("zh-CN",)}, "target language 'zh-CN' is not an ISO 639-1 code"),
        ({"targets": ()}, "at least one target language"),
        ({"targets": ("zh", "en")}, "floor language en needs no booth"),
        ({"targets": ("zh", "zh")}, "listed twice"),
        ({"hours": 0}, "must end after it starts"),
        ({"hours": 9}, "runs 9 h, longer than 8 h: split into sessions"),
        ({"starts_at": START.replace(tzinfo=None)}, "UTC offset"),
    ],
)
def test_unservable_requests_say_what_to_change(kwargs, reason):
    with pytest.raises(CannotServe, match=reason):
        plan(**kwargs)
