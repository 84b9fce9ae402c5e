"""Finding bookings: opaque cursors bound to their order, the search spelling, and organizers' scope."""

import uuid
from datetime import UTC, datetime

import pytest

from services.venue.domain.access import Principal, Role
from services.venue.domain.listing import (
    BookingFilter,
    Position,
    Sort,
    cursor_after,
    like_pattern,
    position_of,
    search_key,
    search_problem,
)
from services.venue.handlers.errors import NotPermitted
from services.venue.handlers.listing import for_caller

pytestmark = pytest.mark.unit

AT = datetime(2027, 3, 2, 6, tzinfo=UTC)


@pytest.mark.parametrize("sort", list(Sort))
def test_a_cursor_names_its_position_and_only_continues_its_own_order(sort):
    position = Position(sort, AT, uuid.uuid4())
    cursor = cursor_after(position)
    assert position_of(cursor, sort) == position
    assert "=" not in cursor and "/" not in cursor and "+" not in cursor  # safe in a URL as it is
    other = next(s for s in Sort if s is not sort)
    with pytest.raises(ValueError, match="sorted by"):
        position_of(cursor, other)


@pytest.mark.parametrize("cursor", ["", "not-a-cursor", "W10", "WyJzdGFydHNfYXQiLCAieCIsICJ5Il0"])
def test_anything_else_is_not_a_cursor(cursor):
    with pytest.raises(ValueError, match="not a cursor"):
        position_of(cursor, Sort.STARTS_AT)


def test_the_search_spelling_gives_each_chinese_character_a_word_and_lowers_ascii():
    assert search_key("Belt and ROAD") == "belt and road"
    assert search_key("王伟 Forum") == " x738b  x4f1f  forum"
    assert like_pattern("伟") == "% x4f1f %"
    assert like_pattern("100%_off\\") == "%100\\%\\_off\\\\%"


def test_a_search_needs_three_characters_or_a_chinese_one():
    assert search_problem("ab") and search_problem("  a ")
    assert search_problem("abc") is None and search_problem("王") is None


def test_organizers_list_their_own_and_may_not_name_another_organizer():
    me = Principal(uuid.uuid4(), Role.ORGANIZER, "A", "a@example.org", "en", "UTC")
    assert for_caller(BookingFilter(), me).organizer_id == me.account_id
    assert for_caller(BookingFilter(organizer_id=me.account_id), me).organizer_id == me.account_id
    with pytest.raises(NotPermitted):
        for_caller(BookingFilter(organizer_id=uuid.uuid4()), me)
    staff = Principal(uuid.uuid4(), Role.STAFF, "S", "s@example.org", "en", "UTC")
    assert for_caller(BookingFilter(), staff).organizer_id is None
