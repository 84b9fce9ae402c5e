import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.notify.domain.reminders import parse_leads, reminder_id, reminders_for

pytestmark = pytest.mark.unit

STARTS = datetime(2027, 3, 20, 6, tzinfo=UTC)
LEADS = parse_leads("7d,24h")


def test_leads_parse_in_days_hours_and_minutes_longest_first() -> None:
    assert parse_leads("24h, 7d") == (timedelta(days=7), timedelta(hours=24))
    assert parse_leads("90m") == (timedelta(minutes=90),)
    with pytest.raises(ValueError, match="'1w'"):
        parse_leads("7d,1w")
    with pytest.raises(ValueError, match="'0h'"):
        parse_leads("0h")


def test_a_booking_far_ahead_gets_both_reminders() -> None:
    found = reminders_for(uuid.uuid4(), "organizer:a@example.org", STARTS, LEADS, STARTS - timedelta(days=30))

    assert [r.due_at for r in found] == [STARTS - timedelta(days=7), STARTS - timedelta(hours=24)]


def test_a_reminder_already_past_is_not_scheduled() -> None:
    found = reminders_for(uuid.uuid4(), "vendor:agency-yangtze", STARTS, LEADS, STARTS - timedelta(days=3))

    assert [r.lead for r in found] == [timedelta(hours=24)]


def test_the_id_names_what_is_reminded_of() -> None:
    booking = uuid.uuid4()

    same = reminder_id(booking, "vendor:x", timedelta(hours=24), STARTS)
    assert same == reminder_id(booking, "vendor:x", timedelta(hours=24), STARTS)
    assert same != reminder_id(booking, "vendor:x", timedelta(hours=24), STARTS + timedelta(hours=1))
    assert same != reminder_id(booking, "vendor:y", timedelta(hours=24), STARTS)
