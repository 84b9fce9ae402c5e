from datetime import UTC, datetime, timedelta

import pytest

from services.venue.domain.cancellation import (
    DEFAULT_TIERS,
    Tier,
    fee_minor,
    fee_percent,
    fee_rises_at,
    parse_tiers,
)

pytestmark = pytest.mark.unit

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("notice", "percent"),
    [
        (timedelta(days=30), 0),
        (timedelta(days=14), 0),  # exactly 14 days before: still free
        (timedelta(days=14) - timedelta(seconds=1), 50),
        (timedelta(days=3), 50),
        (timedelta(days=3) - timedelta(seconds=1), 100),
        (timedelta(hours=1), 100),
        (-timedelta(hours=1), 100),  # after the start
    ],
)
def test_the_default_policy_at_each_tier_and_its_boundaries(notice, percent):
    assert fee_percent(START, START - notice) == percent


def test_fees_round_half_up_in_minor_units():
    assert fee_minor(1_000_001, 50) == 500_001
    assert fee_minor(999, 50) == 500
    assert fee_minor(0, 100) == 0


def test_tiers_are_configurable_and_checked():
    assert parse_tiers("30:0, 7:25,0:100") == (Tier(30, 0), Tier(7, 25), Tier(0, 100))
    assert parse_tiers("14:0,3:50,0:100") == tuple(sorted(DEFAULT_TIERS, reverse=True))
    with pytest.raises(ValueError, match="0 days"):
        parse_tiers("14:0,3:50")
    with pytest.raises(ValueError, match="7:150"):
        parse_tiers("7:150,0:100")


def test_the_preview_says_when_the_fee_rises_next():
    assert fee_rises_at(START, START - timedelta(days=30)) == START - timedelta(days=14)
    assert fee_rises_at(START, START - timedelta(days=10)) == START - timedelta(days=3)
    assert fee_rises_at(START, START - timedelta(days=1)) is None  # already the whole price
