from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from services.interpreting.domain.reasons import BoothShortage, InterpreterShortage, rejection, when
from services.interpreting.domain.roster import BoothPool, Pair

pytestmark = pytest.mark.unit

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)
END = datetime(2027, 3, 2, 10, 0, tzinfo=UTC)
MOBILE = BoothPool("mobile", [f"mobile-{n}" for n in range(1, 7)])
FIXED = BoothPool("fixed", [f"fixed-{n}" for n in range(1, 5)])


def test_times_are_shown_in_the_venue_zone():
    assert when(START, END, SHANGHAI) == "2027-03-02 14:00–18:00 (Asia/Shanghai)"


def test_the_end_date_is_repeated_when_the_meeting_crosses_midnight():
    late = datetime(2027, 3, 2, 17, 0, tzinfo=UTC)  # 01:00 next day in Shanghai
    assert when(START, late, SHANGHAI) == "2027-03-02 14:00–2027-03-03 01:00 (Asia/Shanghai)"


def test_a_missing_language_names_the_pair_the_time_and_the_numbers():
    reason = rejection(
        [InterpreterShortage(Pair("ar", "zh"), need=2, free=0, on_roster=0)], START, END, SHANGHAI
    )
    assert reason.startswith(
        "no interpreter for ar→zh on 2027-03-02 14:00–18:00 (Asia/Shanghai): need 2, 0 free"
    )
    assert "none of our agencies works in ar→zh" in reason


def test_booked_out_interpreters_are_told_apart_from_an_uncovered_pair():
    reason = rejection(
        [InterpreterShortage(Pair("en", "zh"), need=2, free=0, on_roster=10)], START, END, SHANGHAI
    )
    assert reason.endswith("need 2, 0 free (all 10 who work in en→zh are booked then)")
    partly = rejection(
        [InterpreterShortage(Pair("en", "zh"), need=3, free=1, on_roster=10)], START, END, SHANGHAI
    )
    assert partly.endswith("need 3, 1 free")


def test_no_mobile_booth_free():
    reason = rejection([BoothShortage("room-a", MOBILE, need=2, free=1)], START, END, SHANGHAI)
    assert reason == (
        "no interpretation booth free for room-a on 2027-03-02 14:00–18:00 (Asia/Shanghai): "
        "need 2 mobile booth(s), 1 free"
    )


def test_more_languages_than_fixed_booths_says_what_to_drop():
    reason = rejection([BoothShortage("multifunctional-hall", FIXED, need=5, free=4)], START, END, SHANGHAI)
    assert reason.startswith(
        "multifunctional-hall has 4 fixed interpretation booths: 5 target languages need 5"
    )
    assert "drop 1 target language(s) or choose another space" in reason


def test_every_shortage_is_named_booths_first():
    reason = rejection(
        [InterpreterShortage(Pair("en", "ar"), 2, 0, 0), BoothShortage("room-a", MOBILE, 2, 1)],
        START,
        END,
        SHANGHAI,
    )
    booth, interpreter = reason.split("; ")
    assert booth.startswith("no interpretation booth free")
    assert interpreter.startswith("no interpreter for en→ar")
