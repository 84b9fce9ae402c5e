"""RFC 5545 text: CRLF, folding at 75 octets, TEXT escaping, UTC times, one VEVENT per event."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from services.venue.domain.ical import CalendarEvent, calendar, escape_text, fold, utc_time

pytestmark = pytest.mark.unit

SHANGHAI = ZoneInfo("Asia/Shanghai")
STAMP = datetime(2027, 1, 5, 9, 30, tzinfo=UTC)
FORUM = CalendarEvent(
    uid="0b7c3a1e-0000-4000-8000-000000000001@wict",
    starts_at=datetime(2027, 3, 2, 14, tzinfo=SHANGHAI),
    ends_at=datetime(2027, 3, 2, 18, tzinfo=SHANGHAI),
    summary="Belt and Road Tourism Forum; Malaysia, Singapore",
    status="CONFIRMED",
    location="Multifunctional Hall",
)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_text_values_escape_backslash_semicolon_comma_and_newlines():
    assert escape_text("a\\b;c,d") == "a\\\\b\\;c\\,d"
    assert escape_text("line 1\nline 2\r\nline 3\rline 4") == "line 1\\nline 2\\nline 3\\nline 4"
    assert escape_text(":colons stay") == ":colons stay"


def test_times_are_written_in_utc():
    assert utc_time(datetime(2027, 3, 2, 14, tzinfo=SHANGHAI)) == "20270302T060000Z"
    with pytest.raises(ValueError):
        utc_time(datetime(2027, 3, 2, 14))


def test_short_lines_are_not_folded():
    assert fold("SUMMARY:" + "x" * 67) == "SUMMARY:" + "x" * 67  # exactly 75 octets


def test_long_lines_fold_at_75_octets_with_a_leading_space():
    folded = fold("DESCRIPTION:" + "y" * 200)
    parts = folded.split("\r\n")
    assert [len(part.encode()) for part in parts] == [75, 75, 64]  # 212 octets: 75 + 1+74 + 1+63
    assert all(part.startswith(" ") for part in parts[1:])
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + "y" * 200


def test_folding_never_splits_a_multibyte_character():
    line = "SUMMARY:" + "多功能厅论坛" * 20  # three octets per character
    parts = fold(line).split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.encode().decode() == part for part in parts)  # each part is valid UTF-8 by itself
    assert "".join([parts[0], *(part[1:] for part in parts[1:])]) == line


def test_a_calendar_has_crlf_lines_and_one_vevent_with_the_required_properties():
    text = calendar([FORUM], STAMP)
    assert text.endswith("END:VCALENDAR\r\n") and "\n" not in text.replace("\r\n", "")
    lines = unfold(text)[:-1]
    assert lines[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//WICT//Venue booking platform//EN"]
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
    assert "UID:0b7c3a1e-0000-4000-8000-000000000001@wict" in lines
    assert "DTSTAMP:20270105T093000Z" in lines
    assert "DTSTART:20270302T060000Z" in lines and "DTEND:20270302T100000Z" in lines
    assert "SUMMARY:Belt and Road Tourism Forum\\; Malaysia\\, Singapore" in lines
    assert "LOCATION:Multifunctional Hall" in lines and "STATUS:CONFIRMED" in lines
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_a_feed_names_itself_and_lists_busy_blocks_without_status_or_location():
    block = CalendarEvent(uid="abc@wict", starts_at=FORUM.starts_at, ends_at=FORUM.ends_at, summary="Booked")
    lines = unfold(calendar([block, block], STAMP, name="WICT Room A: busy times"))
    assert "X-WR-CALNAME:WICT Room A: busy times" in lines
    assert lines.count("BEGIN:VEVENT") == 2 and "TRANSP:OPAQUE" in lines
    assert not any(line.startswith(("LOCATION", "STATUS", "DESCRIPTION")) for line in lines)


def test_an_empty_calendar_is_still_valid():
    assert calendar([], STAMP).split("\r\n")[-2:] == ["END:VCALENDAR", ""]
