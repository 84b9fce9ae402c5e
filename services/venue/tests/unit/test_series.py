"""Series rules: an RRULE expanded on the venue's wall clock, its limits, and the calendar feed that
standard libraries parse and expand back to the same occurrences."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from services.venue.domain.series import RuleError, expand, shifted, wall_difference
from services.venue.domain.series_calendar import SeriesEntry, SeriesEvent, series_calendar, vtimezone

pytestmark = pytest.mark.unit

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2027, 3, 2, 14, tzinfo=SHANGHAI)  # a Tuesday
END = START + timedelta(hours=4)


def test_a_weekly_rule_gives_its_count_and_keeps_count_instead_of_until():
    twelve = expand("FREQ=WEEKLY;COUNT=12;BYDAY=TU", START, END, SHANGHAI, 52)
    assert len(twelve.occurrences) == 12 and twelve.rule == "FREQ=WEEKLY;BYDAY=TU;COUNT=12"
    assert twelve.occurrences[-1].starts_at == START + timedelta(weeks=11)
    assert all(o.ends_at - o.starts_at == timedelta(hours=4) for o in twelve.occurrences)
    until = expand("RRULE:freq=monthly;byday=1tu;until=20271231", START, END, SHANGHAI, 52)
    assert until.rule == "FREQ=MONTHLY;BYDAY=1TU;COUNT=10"
    utc_until = expand("FREQ=WEEKLY;UNTIL=20270330T060000Z", START, END, SHANGHAI, 52)
    assert len(utc_until.occurrences) == 5  # 30 March 14:00 Chongqing is 06:00 UTC: included


def test_the_rule_runs_on_the_wall_clock_across_a_daylight_saving_switch():
    start = datetime(2027, 3, 23, 10, tzinfo=BERLIN)  # summer time starts on 28 March
    weekly = expand("FREQ=WEEKLY;COUNT=2", start, start + timedelta(hours=2), BERLIN, 52)
    second = weekly.occurrences[1]
    assert second.starts_at.astimezone(BERLIN).hour == 10
    assert second.starts_at.astimezone(UTC) - start.astimezone(UTC) == timedelta(days=7, hours=-1)
    assert shifted(start, timedelta(days=7), BERLIN).hour == 10
    assert wall_difference(start, second.starts_at, BERLIN) == timedelta(days=7)


@pytest.mark.parametrize(
    ("rule", "field", "reason"),
    [
        ("FREQ=HOURLY;COUNT=3", "rrule", "FREQ must be one of"),
        ("FREQ=WEEKLY", "rrule", "needs COUNT or UNTIL"),
        ("FREQ=WEEKLY;COUNT=2;UNTIL=20271231", "rrule", "needs COUNT or UNTIL"),
        ("FREQ=WEEKLY;COUNT=53", "rrule", "more than 52"),
        ("FREQ=WEEKLY;COUNT=3;BYDAY=WE", "starts_at", "its first would be 2027-03-03 14:00"),
        ("FREQ=WEEKLY;COUNT=3;BYHOUR=9", "rrule", "BYHOUR is not supported"),
        ("FREQ=WEEKLY;COUNT=x", "rrule", "whole number"),
        ("FREQ=WEEKLY;UNTIL=2027", "rrule", "is not a date"),
        ("FREQ=WEEKLY;UNTIL=20260101", "rrule", "no occurrence"),
        ("FREQ=WEEKLY;COUNT=2;COUNT=3", "rrule", "twice"),
        ("FREQ=WEEKLY;BYDAY=XX;COUNT=2", "rrule", "BYDAY"),
        ("DTSTART=20270302T140000;FREQ=WEEKLY;COUNT=2", "rrule", "not supported"),
    ],
)
def test_a_rule_that_cannot_make_a_series_is_refused_naming_why(rule, field, reason):
    with pytest.raises(RuleError, match=reason) as refused:
        expand(rule, START, END, SHANGHAI, 52)
    assert refused.value.field == field


def test_a_zone_without_changes_is_one_standard_offset_and_berlin_spells_its_switches():
    assert vtimezone(SHANGHAI, "Asia/Shanghai", START, END) == [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Shanghai",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    berlin = vtimezone(
        BERLIN, "Europe/Berlin", datetime(2027, 3, 1, tzinfo=UTC), datetime(2027, 11, 1, tzinfo=UTC)
    )
    assert "DTSTART:20270328T020000" in berlin and "DTSTART:20271031T030000" in berlin
    assert berlin.count("BEGIN:DAYLIGHT") == 1 and "TZOFFSETTO:+0200" in berlin


def test_the_feed_parses_and_expands_back_to_the_occurrences_that_take_place():
    series = expand("FREQ=WEEKLY;COUNT=6;BYDAY=TU", START, END, SHANGHAI, 52)
    moved = series.occurrences[4]
    entries = [
        SeriesEntry(
            o.starts_at,
            o.ends_at,
            takes_place=o.position not in (1, 3),
            booked_starts_at=o.starts_at + (timedelta(hours=1) if o is moved else timedelta()),
            booked_ends_at=o.ends_at + (timedelta(hours=1) if o is moved else timedelta()),
        )
        for o in series.occurrences
    ]
    event = SeriesEvent(
        "s-1@wict",
        series.rule,
        SHANGHAI,
        "Asia/Shanghai",
        "Training, weekly; Tuesday",
        "Room A",
        "WICT",
        entries,
    )
    text = series_calendar(event, datetime(2027, 1, 1, tzinfo=UTC))
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    master, override = events
    assert str(master["SUMMARY"]) == "Training, weekly; Tuesday"
    exdate = master.get("EXDATE")
    skipped = [d.dt for entry in (exdate if isinstance(exdate, list) else [exdate]) for d in entry.dts]
    assert skipped == [series.occurrences[1].starts_at, series.occurrences[3].starts_at]
    assert override.decoded("RECURRENCE-ID") == moved.starts_at
    assert override.decoded("DTSTART") == moved.starts_at + timedelta(hours=1)
    unfolded = text.replace("\r\n ", "")
    block = unfolded[unfolded.index("BEGIN:VEVENT") : unfolded.index("END:VEVENT")].split("\r\n")
    rule_lines = [line for line in block if line.startswith(("DTSTART", "RRULE", "EXDATE"))]
    expanded = list(rrulestr("\n".join(rule_lines), forceset=True))
    assert expanded == [o.starts_at for o in series.occurrences if o.position not in (1, 3)]
