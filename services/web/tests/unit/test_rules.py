"""Pure rules of the web application: sessions and CSRF, languages, the wizard, fees, the grid, traces."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from services.web.domain import availability, locale, wizard
from services.web.domain.formatting import Formatter
from services.web.domain.session import Session, Tokens, csrf_token, csrf_valid, id_hash, new_session_id
from services.web.domain.trace import parse_waterfall, total_ms

pytestmark = pytest.mark.unit
NOW = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)


def _session(access_minutes: int, refresh: bool, idle_minutes: int = 60) -> Session:
    tokens = Tokens(
        access_token="a",
        access_expires_at=NOW + timedelta(minutes=access_minutes),
        refresh_token="r" if refresh else None,
        refresh_expires_at=NOW + timedelta(days=30) if refresh else None,
    )
    return Session(
        account_id=uuid.uuid4(),
        role="organizer",
        name="Ann",
        locale="en",
        time_zone="Europe/Berlin",
        elder_mode=False,
        tokens=tokens,
        expires_at=NOW + timedelta(minutes=idle_minutes),
    )


def test_the_csrf_token_is_bound_to_the_browsers_cookie():
    secret, sid = b"s" * 32, new_session_id()
    token = csrf_token(secret, sid)
    assert csrf_valid(secret, sid, token)
    assert not csrf_valid(secret, new_session_id(), token)
    assert not csrf_valid(secret, sid, None) and not csrf_valid(secret, sid, "")
    assert id_hash(sid) != sid.encode() and len(id_hash(sid)) == 32


def test_a_session_ends_when_idle_or_when_no_credential_is_left():
    assert not _session(10, refresh=False).ended(NOW)
    assert _session(0, refresh=False).ended(NOW)  # access token spent, nothing to renew it with
    assert not _session(0, refresh=True).ended(NOW)  # renewable
    assert _session(10, refresh=True, idle_minutes=0).ended(NOW)
    slid = _session(10, refresh=True, idle_minutes=5).touched(NOW, timedelta(hours=2))
    assert slid.expires_at == NOW + timedelta(hours=2)
    assert _session(60, refresh=True, idle_minutes=5).ends_soon(NOW, timedelta(minutes=10))


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-TW,zh;q=0.9,en;q=0.5", "zh-CN"),
        ("de-DE,de;q=0.9,en-GB;q=0.7", "en"),
        ("en;q=0.2,zh-CN;q=0.8", "zh-CN"),
        ("fr-FR", "zh-CN"),
        (None, "zh-CN"),
        ("en;q=0,zh;q=0", "zh-CN"),
    ],
)
def test_the_first_visits_language_comes_from_accept_language(header, expected):
    assert locale.from_accept_language(header) == expected


def _answers(**changes: str) -> dict[str, str]:
    answers = {
        "date": "2027-03-02",
        "hours": "4",
        "days": "1",
        "attendees": "120",
        "layout": "theater",
        "place": "multifunctional-hall|2027-03-02",
        "start": "14:00",
        "floor_language": "en",
        "target_languages": "zh",
        "menu": "western-buffet",
        "headcount": "100",
        "dietary_vegetarian": "12",
        "network_lines": "1",
        "title": "Forum",
    }
    return {**answers, **changes}


def test_elder_mode_asks_one_question_per_page_and_skips_catering_details_without_a_menu():
    assert all(len(page) == 1 for page in wizard.steps(elder=True))
    assert len(wizard.steps(elder=False)) < len(wizard.steps(elder=True))
    catering = wizard.step_index("catering", elder=True)
    menu = wizard.step_index("menu", elder=True)
    assert wizard.next_step(menu, _answers(menu=""), elder=True) == catering + 1
    assert wizard.next_step(menu, _answers(), elder=True) == catering


def test_answers_are_checked_field_by_field_with_message_ids():
    errors = wizard.validate(wizard.BY_NAME["catering"], _answers(dietary_vegan="95"), date(2027, 1, 1))
    assert "dietary_vegetarian" in errors  # 12 + 95 guests with special meals, but 100 eat
    assert wizard.validate(wizard.BY_NAME["date"], _answers(date="2027-01-01"), date(2027, 1, 1))
    assert wizard.validate(wizard.BY_NAME["interpreting"], _answers(target_languages="en"), None)
    assert not wizard.validate(wizard.BY_NAME["interpreting"], _answers(target_languages=""), None)
    assert wizard.first_unanswered(_answers(), elder=False) is None
    assert wizard.first_unanswered(_answers(title=""), elder=True) == wizard.step_index("title", elder=True)


def test_a_complete_draft_becomes_the_apis_booking_request():
    body = wizard.booking_request(_answers(days="2"), "Asia/Shanghai")
    assert body["starts_at"] == "2027-03-02T14:00:00+08:00"
    assert body["ends_at"] == "2027-03-03T18:00:00+08:00"
    assert body["interpreting"] == {"floor_language": "en", "target_languages": ["zh"]}
    assert body["catering"]["dietary"] == {"vegetarian": 12} and body["network_lines"] == 1
    assert wizard.duration_iso(_answers(hours="4.5", days="3")) == "P2DT4H30M"


def test_the_grid_lists_each_spaces_start_times_per_venue_day():
    window = {
        "starts_at": "2027-03-02T00:00:00+00:00",
        "latest_start": "2027-03-02T02:00:00+00:00",
        "ends_at": "x",
    }
    found = {
        "spaces": [
            {
                "space_id": "room-a",
                "name": {"en": "Room A"},
                "capacity": 80,
                "layout_capacity": 90,
                "windows": [window],
            }
        ]
    }
    rows = availability.grid(found, date(2027, 3, 2), date(2027, 3, 3), "Asia/Shanghai")
    assert rows[0].reduced and [cell.free for cell in rows[0].cells] == [True, False]
    starts = availability.starts_on(rows, "room-a", "2027-03-02")
    assert [s.strftime("%H:%M") for s in starts] == ["08:00", "08:30", "09:00", "09:30", "10:00"]


def test_times_show_in_the_venues_zone_and_the_persons_per_locale():
    chinese = Formatter("zh-CN", "Asia/Shanghai", "Europe/Berlin")
    english = Formatter("en", "Asia/Shanghai", "Europe/Berlin")
    assert chinese.span("2027-03-02T06:00:00Z", "2027-03-02T10:00:00Z") == "2027年3月2日周二 14:00–18:00"
    assert "07:00" in english.span("2027-03-02T06:00:00Z", "2027-03-02T10:00:00Z", "person")
    assert chinese.shows_two_zones and not Formatter("en", "Asia/Shanghai", "Asia/Shanghai").shows_two_zones
    assert chinese.language_name("ar") == "阿拉伯语" and english.money(480000).endswith("4,800.00")


def test_the_venues_waterfall_text_becomes_rows():
    text = (
        "trace abc  2 spans  10.0 ms\n"
        f"{'venue: POST /bookings':<58} |████      | +     0.0 ms     10.0 ms\n"
        f"{'  notify: email send':<58} |   █      | +     4.0 ms      2.0 ms !\n"
    )
    rows = parse_waterfall(text)
    assert [(r.depth, r.service, r.name, r.error) for r in rows] == [
        (0, "venue", "POST /bookings", False),
        (1, "notify", "email send", True),
    ]
    assert total_ms(rows) == 10.0 and rows[1].left(10.0) == 40.0
