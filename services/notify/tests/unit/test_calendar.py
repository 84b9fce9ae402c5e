import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.notify.domain.calendar import booking_calendar, escape_text, fold

pytestmark = pytest.mark.unit

BOOKING = uuid.UUID("0b7e3a4c-5a4e-4f8e-9a43-3f1a2b6c7d8e")
SHANGHAI_OFFSET = timezone(timedelta(hours=8))


def calendar(title: str = "Belt and Road Tourism Forum", location: str = "Multifunctional Hall, WICT") -> str:
    return booking_calendar(
        BOOKING,
        title,
        location,
        datetime(2027, 3, 2, 14, tzinfo=SHANGHAI_OFFSET),
        datetime(2027, 3, 2, 18, tzinfo=SHANGHAI_OFFSET),
        datetime(2027, 1, 5, 9, 30, 15, tzinfo=UTC),
    )


def unfolded(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_one_event_with_the_booking_as_uid_and_utc_times() -> None:
    lines = unfolded(calendar())

    assert lines[:6] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//WICT//Venue bookings//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
    ]
    assert f"UID:{BOOKING}@wict" in lines
    assert "DTSTART:20270302T060000Z" in lines and "DTEND:20270302T100000Z" in lines
    assert "DTSTAMP:20270105T093015Z" in lines
    assert "SUMMARY:Belt and Road Tourism Forum" in lines
    assert "LOCATION:Multifunctional Hall\\, WICT" in lines
    assert lines[-3:] == ["END:VEVENT", "END:VCALENDAR", ""]


def test_every_line_ends_in_crlf_and_no_bare_newline_is_left() -> None:
    text = calendar()

    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_text_values_are_escaped() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_a_character() -> None:
    title = "一带一路旅游论坛暨马来西亚目的地推介会，" * 6  # 3 octets per character
    text = calendar(title=title)

    physical = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in physical)
    assert any(line.startswith(" ") for line in physical)
    assert f"SUMMARY:{escape_text(title)}" in unfolded(text)
    for line in physical:
        line.encode().decode()  # each piece is whole UTF-8


def test_a_short_line_is_not_folded() -> None:
    assert fold("SUMMARY:short") == "SUMMARY:short"
    assert fold("X" * 76) == "X" * 75 + "\r\n X"
