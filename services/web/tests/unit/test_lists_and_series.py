"""The bookings list's filters and paging, the wizard's repeat questions as an RRULE and a stored rule
in parts, and the reports' period. Pure rules."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from services.web.domain import listing, recurrence, refusals, reports, wizard
from services.web.domain.paging import next_cursor
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.series_actions import _moved

pytestmark = pytest.mark.unit


def test_the_list_filters_become_get_bookings_parameters_and_name_what_to_fix():
    chosen = listing.filters(
        {
            "status": ["confirmed", "bogus"],
            "from": ["2027-03-01"],
            "to": ["soon"],
            "q": ["ab"],
            "per_page": ["10"],
        }
    )
    assert chosen.status == ["confirmed"]  # unknown values are dropped, not sent
    assert set(chosen.errors) == {"to", "q"}  # a bad day and a too short search are named
    params = chosen.params()
    assert params["status"] == ["confirmed"] and params["from"] == "2027-03-01" and params["limit"] == 10
    assert "to" not in params and "q" not in params
    assert chosen.params(listing.CSV_ROWS)["limit"] == listing.CSV_ROWS
    assert ("per_page", "10") in chosen.query(cursor="abc") and ("cursor", "abc") in chosen.query(
        cursor="abc"
    )
    assert listing.filters({"per_page": ["7"], "q": ["会"]}).per_page == listing.PAGE_SIZE
    assert not listing.filters({"q": ["会"]}).errors  # one Chinese character is a search
    cursor = "eyJzIjoic3RhcnRzX2F0IiwidiI6IjIwMjctMDMtMDJUMDY6MDA6MDArMDA6MDAiLCJpZCI6IjEyMyJ9" * 2
    assert listing.filters({"cursor": [cursor]}).params()["cursor"] == cursor  # kept whole


def test_the_next_page_comes_from_the_link_header():
    link = '</bookings?limit=10&cursor=eyJ4IjoxfQ%3D%3D>; rel="next"'
    assert next_cursor(link) == "eyJ4IjoxfQ=="
    assert next_cursor("") is None and next_cursor('</bookings>; rel="prev"') is None


def _series(**changes: str) -> dict[str, str]:
    answers = {"place": "room-a|2027-03-09", "repeat": "weekly", "repeat_days": "TU,TH"}
    return answers | {"repeat_monthly": "date", "repeat_end": "count", "repeat_count": "6"} | changes


def test_the_repeat_questions_become_the_venues_rrule():
    assert recurrence.rule(_series()) == "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6"  # 2027-03-09 is a Tuesday
    assert recurrence.rule(_series(repeat="monthly")) == "FREQ=MONTHLY;BYMONTHDAY=9;COUNT=6"
    by_place = _series(
        repeat="monthly", repeat_monthly="place", repeat_end="until", repeat_until="2027-09-30"
    )
    assert recurrence.rule(by_place) == "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270930"
    assert recurrence.place_in_month(date(2027, 3, 30)).code == "-1TU"  # the fifth Tuesday is the last
    assert recurrence.rule(_series(repeat="none")) is None


def test_the_repeat_answers_are_checked_only_when_the_booking_repeats():
    pattern, end = wizard.BY_NAME["repeat_pattern"], wizard.BY_NAME["repeat_end"]
    assert "repeat_days" in wizard.validate(pattern, _series(repeat_days="WE"), None)  # not the first's day
    assert "repeat_count" in wizard.validate(end, _series(repeat_count="53"), None)
    too_far = _series(repeat_end="until", repeat_until="2028-12-31")
    assert "repeat_until" in wizard.validate(end, too_far, None)
    assert not wizard.validate(end, _series(repeat="none", repeat_count=""), None)
    assert not wizard.applies(pattern, _series(repeat="none")) and wizard.applies(pattern, _series())


def test_whats_on_is_asked_of_a_one_off_booking_only_and_goes_with_post_bookings():
    public = wizard.BY_NAME["public"]
    once = _series(repeat="none")
    assert wizard.applies(public, once) and wizard.shown(public, once, elder=False)
    assert not wizard.applies(public, _series()) and not wizard.shown(public, _series(), elder=False)
    assert set(wizard.validate(public, {**once, "public": "maybe"}, None)) == {"public"}
    assert not wizard.validate(public, {**once, "public": "yes"}, None)
    assert "public" not in wizard.booking_request({**once, **_placed(), "public": "yes"}, "Asia/Shanghai")


def _placed() -> dict[str, str]:
    return {"place": "room-a|2027-03-09", "start": "10:00", "layout": "classroom", "attendees": "20"}


def test_a_stored_rule_comes_back_in_parts_a_page_words():
    weekly = recurrence.describe("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6")
    assert weekly.frequency == "WEEKLY" and weekly.weekdays == (1, 3) and weekly.count == 6
    assert recurrence.describe("FREQ=MONTHLY;BYMONTHDAY=9;UNTIL=20270930").month_day == 9
    assert recurrence.describe("FREQ=MONTHLY;BYDAY=-1FR").place == recurrence.Place(-1, 4)


def test_the_reports_period_is_this_month_unless_chosen_and_at_most_two_years():
    query, errors = reports.period("", "", date(2027, 3, 15))
    assert query == {} and not errors
    query, errors = reports.period("2027-01-01", "2027-03-31", date(2027, 3, 15))
    assert query["from"] == "2027-01-01" and not errors
    assert reports.period("2027-01-01", "2030-01-01", date(2027, 3, 15))[1]


def test_a_refused_series_names_its_conflicting_times_as_the_api_sends_them():
    conflict = {"starts_at": "2027-03-09T01:00:00+00:00", "ends_at": "2027-03-09T03:00:00+00:00"}
    body = {"title": "The series conflicts", "status": 409, "conflicts": [conflict | {"conflict": "taken"}]}
    problem = ApiProblem(409, body)
    assert problem.extra["conflicts"][0]["conflict"] == "taken"
    assert refusals.conflict("taken") == refusals.CONFLICTS["taken"]
    assert refusals.conflict("something new") == refusals.CONFLICT_OTHER
    assert "title" not in problem.extra and "status" not in problem.extra  # RFC 9457's own members


def test_moving_a_series_moves_the_time_chosen_to_the_new_day_and_times_on_the_venues_clock():
    zone = ZoneInfo("Asia/Shanghai")
    times = [
        {
            "booking_id": "a",
            "status": "cancelled",
            "starts_at": "2027-03-02T01:00:00Z",
            "ends_at": "2027-03-02T03:00:00Z",
        },
        {
            "booking_id": "b",
            "status": "confirmed",
            "starts_at": "2027-03-09T01:00:00Z",
            "ends_at": "2027-03-09T03:00:00Z",
        },
    ]
    assert _moved({}, times, {"scope": "all"}, zone) == ({}, {})  # nothing asked: nothing moved
    moved, errors = _moved({"start": "10:00", "end": "12:00"}, times, {"scope": "all"}, zone)
    # every time: the first live one (not the cancelled) is the one the new times are for
    assert not errors and moved == {
        "starts_at": "2027-03-09T10:00:00+08:00",
        "ends_at": "2027-03-09T12:00:00+08:00",
    }
    moved, _ = _moved({"new_day": "2027-03-11"}, times, {"scope": "one", "booking_id": "b"}, zone)
    assert moved == {"starts_at": "2027-03-11T09:00:00+08:00", "ends_at": "2027-03-11T11:00:00+08:00"}
    assert set(_moved({"start": "12:00", "end": "11:00"}, times, {"scope": "all"}, zone)[1]) == {"end"}
    assert set(_moved({"new_day": "11.3.2027"}, times, {"scope": "all"}, zone)[1]) == {"new_day"}


def test_every_api_refusal_is_worded_by_the_web_never_in_the_apis_english():
    assert refusals.field_message("guests[2].passport_number") == refusals.FIELD["passport_number"]
    assert refusals.field_message("interpreting.target_languages") == refusals.FIELD["interpreting"]
    assert refusals.field_message("catering.dietary") == refusals.FIELD["catering"]
    assert refusals.field_message("something_new") == refusals.FIELD_OTHER
    assert refusals.problem_message(409) == refusals.STATUS[409]
    assert refusals.problem_message(503) == refusals.STATUS_OTHER
    errors = [{"field": "starts_at", "reason": "overlaps another booking of the space"}]
    assert refusals.field_messages(errors) == {"starts_at": refusals.FIELD["starts_at"]}
