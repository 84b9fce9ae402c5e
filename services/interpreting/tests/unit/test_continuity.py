import pytest

from services.interpreting.domain.continuity import booths_in_order, team_first

pytestmark = pytest.mark.unit


def test_each_target_keeps_its_previous_booth_when_it_is_free():
    slots, candidates = booths_in_order(
        ["fr", "zh"], ["mobile-1", "mobile-2", "mobile-3"], {"zh": "mobile-2"}
    )
    assert dict(zip(slots, candidates, strict=False)) == {"zh": "mobile-2", "fr": "mobile-1"}


def test_a_previous_booth_taken_meanwhile_or_used_twice_is_not_kept():
    slots, candidates = booths_in_order(["zh", "ja"], ["mobile-3", "mobile-4"], {"zh": "mobile-1"})
    assert (slots, candidates) == (["zh", "ja"], ["mobile-3", "mobile-4"])
    slots, candidates = booths_in_order(
        ["zh", "ja"], ["mobile-1", "mobile-2"], {"zh": "mobile-1", "ja": "mobile-1"}
    )
    assert dict(zip(slots, candidates, strict=False)) == {"zh": "mobile-1", "ja": "mobile-2"}


def test_without_a_previous_revision_the_order_is_unchanged():
    assert booths_in_order(["zh"], ["mobile-2", "mobile-1"], {}) == (["zh"], ["mobile-2", "mobile-1"])
    assert team_first([], ["sr-01", "yz-01"]) == ["sr-01", "yz-01"]


def test_the_previous_team_comes_first_if_free_and_nobody_twice():
    free = ["sr-01", "yz-01", "yz-02", "sr-02"]
    assert team_first(["yz-02", "sr-09", "yz-02"], free) == ["yz-02", "sr-01", "yz-01", "sr-02"]
