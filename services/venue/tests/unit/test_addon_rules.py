"""Activity records (when, countries, partners) and planning-task moves."""

from datetime import UTC, datetime, timedelta

import pytest

from services.venue.domain.planning import TaskStatus, may_move
from services.venue.domain.records import country_codes, distinct_names, refusal

pytestmark = pytest.mark.unit

NOW = datetime(2027, 3, 2, 12, tzinfo=UTC)


def test_a_record_needs_a_confirmed_booking_whose_event_has_ended():
    assert refusal("confirmed", NOW, NOW) is None  # ended exactly now
    assert refusal("confirmed", NOW - timedelta(days=3), NOW) is None
    assert "record it afterwards" in refusal("confirmed", NOW + timedelta(minutes=1), NOW)
    for status in ("pending", "rejected", "cancelled"):
        assert status in refusal(status, NOW - timedelta(days=1), NOW)


def test_country_codes_are_upper_cased_de_duplicated_and_checked_against_iso_3166():
    codes, violations = country_codes(["au", "MY", "sg", "AU", " ca "])
    assert codes == ["AU", "MY", "SG", "CA"] and violations == []
    _, violations = country_codes(["DE", "XX", "UK"])
    assert [(v.field, "ISO 3166-1" in v.reason) for v in violations] == [
        ("guest_countries[1]", True),
        ("guest_countries[2]", True),  # the United Kingdom is GB
    ]


def test_partner_names_repeat_only_once_whatever_the_case_or_spacing():
    names = ["Tourism Malaysia", "tourism  malaysia", "Destination Canada", " ", "Destination Canada "]
    assert distinct_names(names) == ["Tourism Malaysia", "Destination Canada"]


@pytest.mark.parametrize(
    ("current", "wanted", "allowed"),
    [
        ("open", "in_progress", True),
        ("open", "done", True),
        ("in_progress", "open", True),
        ("in_progress", "done", True),
        ("done", "in_progress", True),
        ("done", "open", False),
        ("done", "done", True),
    ],
)
def test_planning_task_moves(current, wanted, allowed):
    assert may_move(TaskStatus(current), TaskStatus(wanted)) is allowed
