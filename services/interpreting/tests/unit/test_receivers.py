from datetime import UTC, datetime, timedelta

import pytest

from services.interpreting.domain.reasons import ReceiverShortage, rejection
from services.interpreting.domain.receivers import receivers_needed, slots
from services.interpreting.domain.roster import load_roster

pytestmark = pytest.mark.unit

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)


@pytest.mark.parametrize(("attendees", "receivers"), [(400, 420), (420, 441), (1, 2), (20, 21), (0, 0)])
def test_attendees_plus_five_percent_spare_rounded_up(attendees, receivers):
    assert receivers_needed(attendees) == receivers


def test_slots_cover_every_quarter_hour_touched():
    assert slots(START, START + timedelta(minutes=30)) == [START, START + timedelta(minutes=15)]
    assert slots(START + timedelta(minutes=20), START + timedelta(minutes=31)) == [
        START + timedelta(minutes=15),
        START + timedelta(minutes=30),
    ]


def test_a_short_pool_says_how_many_are_needed_and_free():
    reason = rejection(
        [ReceiverShortage(420, 380, 800)], START, START + timedelta(hours=2), load_roster().zone
    )
    assert "need 420 receivers, 380 free" in reason
    assert reason.startswith("not enough receivers on 2027-03-02 14:00–16:00 (Asia/Shanghai)")


def test_the_pool_is_configured_in_the_roster():
    assert load_roster().receivers == 800
