"""Interval arithmetic: union, gaps, intersection of sorted closed spans."""

from datetime import UTC, datetime

import pytest

from services.venue.domain.intervals import gaps, intersect, union

pytestmark = pytest.mark.unit


def h(hour: float) -> datetime:
    return datetime(2027, 3, 2, int(hour), int(hour % 1 * 60), tzinfo=UTC)


def spans(*pairs: tuple[float, float]) -> list[tuple[datetime, datetime]]:
    return [(h(a), h(b)) for a, b in pairs]


def test_union_merges_overlapping_and_touching_spans_in_any_order():
    assert union(spans((14, 16), (9, 10), (15, 17), (10, 11), (20, 21))) == spans((9, 11), (14, 17), (20, 21))
    assert union(spans((9, 18), (10, 11))) == spans((9, 18))
    assert union([]) == []


def test_gaps_are_the_free_stretches_with_their_ends():
    busy = spans((9, 11), (14, 17))
    assert gaps(busy, (h(8), h(22))) == spans((8, 9), (11, 14), (17, 22))
    assert gaps(busy, (h(10), h(15))) == spans((11, 14))
    assert gaps(busy, (h(12), h(13))) == spans((12, 13))
    assert gaps([], (h(8), h(22))) == spans((8, 22))
    assert gaps(spans((7, 23)), (h(8), h(22))) == []
    assert gaps(spans((9, 11)), (h(8), h(11))) == spans((8, 9), (11, 11))


def test_intersection_of_two_sorted_lists():
    a = spans((8, 12), (13, 18), (19, 22))
    b = spans((10, 14), (17, 20))
    assert intersect(a, b) == spans((10, 12), (13, 14), (17, 18), (19, 20))
    assert intersect(a, []) == []
    assert intersect(spans((8, 10)), spans((10, 12))) == spans((10, 10))  # closed: a single moment
    assert intersect(spans((8, 9)), spans((9.5, 12))) == []
