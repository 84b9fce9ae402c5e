from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from services.notify.domain.templates import load_templates
from services.notify.domain.times import window_text, zone_or

pytestmark = pytest.mark.unit

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
STYLES = {locale: pack.style for locale, pack in load_templates().packs.items()}


def shown(starts_at: datetime, ends_at: datetime, reader: ZoneInfo, locale: str = "en") -> str:
    style = STYLES[locale]
    return window_text(starts_at, ends_at, reader, SHANGHAI, style.formats, style.months)


def test_the_organizers_time_comes_first_and_the_venues_in_brackets() -> None:
    text = shown(datetime(2027, 3, 2, 6, tzinfo=UTC), datetime(2027, 3, 2, 10, tzinfo=UTC), BERLIN)

    assert text == "2 March 2027, 07:00–11:00 (Europe/Berlin) [14:00–18:00 Asia/Shanghai]"


def test_berlin_is_seven_hours_behind_before_the_switch_to_summer_time_and_six_after() -> None:
    # Europe switches on Sunday 2027-03-28 at 01:00 UTC; Shanghai has no summer time.
    before = shown(datetime(2027, 3, 27, 6, tzinfo=UTC), datetime(2027, 3, 27, 10, tzinfo=UTC), BERLIN)
    after = shown(datetime(2027, 3, 28, 6, tzinfo=UTC), datetime(2027, 3, 28, 10, tzinfo=UTC), BERLIN)

    assert before == "27 March 2027, 07:00–11:00 (Europe/Berlin) [14:00–18:00 Asia/Shanghai]"
    assert after == "28 March 2027, 08:00–12:00 (Europe/Berlin) [14:00–18:00 Asia/Shanghai]"


def test_a_window_across_the_switch_night_shows_each_end_in_its_own_offset() -> None:
    # 20:00 Berlin winter time on the 27th to 04:00 summer time on the 28th: seven hours, not eight
    text = shown(datetime(2027, 3, 27, 19, tzinfo=UTC), datetime(2027, 3, 28, 2, tzinfo=UTC), BERLIN)

    assert text == (
        "27 March 2027, 20:00 – 28 March 2027, 04:00 (Europe/Berlin) [28 March 2027, 03:00–10:00 Asia/Shanghai]"
    )


def test_the_venues_date_is_repeated_when_the_organizer_lives_on_another_day() -> None:
    los_angeles = ZoneInfo("America/Los_Angeles")

    text = shown(datetime(2027, 3, 2, 6, tzinfo=UTC), datetime(2027, 3, 2, 10, tzinfo=UTC), los_angeles)

    assert text == (
        "1 March 2027, 22:00 – 2 March 2027, 02:00 (America/Los_Angeles) [2 March 2027, 14:00–18:00 Asia/Shanghai]"
    )


def test_chinese_dates_read_year_month_day() -> None:
    text = shown(datetime(2027, 3, 28, 6, tzinfo=UTC), datetime(2027, 3, 28, 10, tzinfo=UTC), BERLIN, "zh-CN")

    assert text == "2027年3月28日 08:00–12:00（Europe/Berlin） [14:00–18:00 Asia/Shanghai]"


def test_an_organizer_in_the_venues_zone_sees_the_time_once() -> None:
    text = shown(datetime(2027, 3, 2, 6, tzinfo=UTC), datetime(2027, 3, 2, 10, tzinfo=UTC), SHANGHAI)

    assert text == "2 March 2027, 14:00–18:00 (Asia/Shanghai)"


def test_an_unknown_zone_falls_back_to_the_venues() -> None:
    assert zone_or("Mars/Olympus_Mons", SHANGHAI) is SHANGHAI
    assert zone_or("../etc/passwd", SHANGHAI) is SHANGHAI
    assert zone_or("Europe/Berlin", SHANGHAI) == BERLIN
