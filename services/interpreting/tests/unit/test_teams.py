from datetime import timedelta

import pytest

from services.interpreting.domain.teams import SessionTooLong, booths_needed, team_size

pytestmark = pytest.mark.unit

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)


@pytest.mark.parametrize(
    ("working_time", "team"),
    [
        (MINUTE, 1),
        (40 * MINUTE, 1),
        (40 * MINUTE + timedelta(seconds=1), 2),
        (41 * MINUTE, 2),
        (4 * HOUR, 2),
        (4 * HOUR + MINUTE, 3),
        (6 * HOUR, 3),
        (6 * HOUR + MINUTE, 4),
        (8 * HOUR, 4),
    ],
)
def test_team_size_follows_the_aiic_norms_at_each_boundary(working_time, team):
    assert team_size(working_time) == team


@pytest.mark.parametrize("working_time", [8 * HOUR + timedelta(seconds=1), 8 * HOUR + 30 * MINUTE, 12 * HOUR])
def test_longer_than_eight_hours_must_be_split_into_sessions(working_time):
    with pytest.raises(SessionTooLong, match="longer than 8 h: split into sessions"):
        team_size(working_time)


def test_the_reason_says_how_long_the_meeting_runs():
    with pytest.raises(SessionTooLong, match=r"runs 9 h 30 min"):
        team_size(9 * HOUR + 30 * MINUTE)


@pytest.mark.parametrize("working_time", [timedelta(0), -HOUR])
def test_no_team_for_no_working_time(working_time):
    with pytest.raises(ValueError, match="positive"):
        team_size(working_time)


@pytest.mark.parametrize(
    ("targets", "booths"), [(["zh"], 1), (["zh", "ja"], 2), (["zh", "ja", "ko", "ru"], 4), (["zh", "zh"], 1)]
)
def test_one_booth_per_target_language(targets, booths):
    assert booths_needed(targets) == booths
