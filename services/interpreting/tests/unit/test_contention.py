from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.interpreting.domain.contention import contention_keys, days_touched
from services.interpreting.domain.plan import plan_for
from services.interpreting.domain.roster import load_roster

pytestmark = pytest.mark.unit

SHANGHAI = ZoneInfo("Asia/Shanghai")
ROSTER = load_roster()


def at(hour: int, day: int = 2) -> datetime:
    return datetime(2027, 3, day, hour, 0, tzinfo=SHANGHAI)


def test_a_day_meeting_touches_one_local_day_and_an_end_at_midnight_stays_on_it():
    assert [d.isoformat() for d in days_touched(at(14), at(18), SHANGHAI)] == ["2027-03-02"]
    assert len(days_touched(at(20), at(0, day=3), SHANGHAI)) == 1


def test_days_are_local_not_utc():
    # 07:00 Shanghai is 23:00 UTC the day before
    assert [d.isoformat() for d in days_touched(at(7), at(9), SHANGHAI)] == ["2027-03-02"]
    assert [d.isoformat() for d in days_touched(at(23), at(1, day=3), SHANGHAI)] == [
        "2027-03-02",
        "2027-03-03",
    ]


def test_keys_cover_every_booth_of_the_pool_and_every_candidate_sorted():
    plan = plan_for("room-a", at(14), at(18), "en", ["ja"], 50, timedelta(minutes=30))
    keys = contention_keys(plan, ROSTER)
    assert keys == sorted(keys)
    assert "interpreter:yz-04@2027-03-02" in keys
    assert {key.split("@")[0] for key in keys} == {f"booth:mobile-{n}" for n in range(1, 7)} | {
        "interpreter:yz-04"
    }


def test_competitors_share_keys_and_other_days_do_not():
    def keys(start: datetime) -> set[str]:
        plan = plan_for("room-a", start, start + timedelta(hours=2), "en", ["zh"], 50, timedelta(minutes=30))
        return set(contention_keys(plan, ROSTER))

    assert keys(at(9)) & keys(at(10))
    assert not keys(at(9)) & keys(at(9, day=3))


def test_utc_inputs_give_the_same_keys():
    plan = plan_for("room-a", at(14).astimezone(UTC), at(16).astimezone(UTC), "en", ["zh"], 5, timedelta(0))
    assert all(key.endswith("@2027-03-02") for key in contention_keys(plan, ROSTER))
