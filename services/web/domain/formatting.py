"""Dates, times, money and names as a person reads them: per locale, in the venue's and their own zone.

Everything the API sends is UTC (ISO 8601); pages show the venue's clock (Asia/Shanghai) first and the
person's own zone beside it when it differs. Babel knows the patterns of zh-CN and en.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import dates, lists, numbers

from services.web.domain.locale import babel_locale


def parse_moment(value: datetime | str) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no UTC offset")
    return moment


def zone(name: str | None, fallback: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or fallback)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(fallback)


@dataclass(frozen=True)
class Formatter:
    language: str  # zh-CN | en
    venue_zone: str  # Asia/Shanghai
    person_zone: str | None = None  # the account's zone, or the browser's

    @property
    def locale(self) -> str:
        return str(babel_locale(self.language))

    @property
    def shows_two_zones(self) -> bool:
        return bool(self.person_zone) and zone(self.person_zone, self.venue_zone) != zone(
            self.venue_zone, self.venue_zone
        )

    def _zone(self, which: str) -> ZoneInfo:
        return zone(self.person_zone if which == "person" else self.venue_zone, self.venue_zone)

    def _date_time(self, moment: datetime, date_skeleton: str) -> str:
        """A date and a clock time joined the locale's way ("{1} {0}")."""
        tz = moment.tzinfo
        date_text = dates.format_skeleton(date_skeleton, moment, tzinfo=tz, locale=self.locale)
        time_text = dates.format_skeleton("Hm", moment, tzinfo=tz, locale=self.locale)
        glue = str(babel_locale(self.language).datetime_formats["medium"])
        return glue.replace("{1}", date_text).replace("{0}", time_text)

    def moment(self, value: datetime | str, which: str = "venue", style: str = "medium") -> str:
        """One point in time, e.g. "2027年3月2日 14:00" / "Mar 2, 2027, 14:00"."""
        skeleton = {"short": "yMd", "medium": "yMMMd", "long": "yMMMEd"}[style]
        return self._date_time(parse_moment(value).astimezone(self._zone(which)), skeleton)

    def span(self, start: datetime | str, end: datetime | str, which: str = "venue") -> str:
        """An interval on the named zone's clock, e.g. "2027年3月2日周二 14:00–18:00"."""
        tz = self._zone(which)
        first, last = parse_moment(start).astimezone(tz), parse_moment(end).astimezone(tz)
        if first.date() != last.date():
            return f"{self._date_time(first, 'yMMMEd')} – {self._date_time(last, 'yMMMEd')}"
        day = dates.format_skeleton("yMMMEd", first, tzinfo=tz, locale=self.locale)
        hours = dates.format_interval(first, last, "Hm", tzinfo=tz, locale=self.locale)
        glue = str(babel_locale(self.language).datetime_formats["medium"])
        return glue.replace("{1}", day).replace("{0}", hours)

    def day(self, value: date | datetime | str, style: str = "full") -> str:
        if isinstance(value, str):
            value = date.fromisoformat(value[:10])
        if isinstance(value, datetime):
            value = value.astimezone(self._zone("venue")).date()
        return dates.format_date(value, format=style, locale=self.locale)

    def month(self, value: str) -> str:
        """A calendar month ("2027-03") as "2027年3月" / "March 2027"."""
        first = date.fromisoformat(f"{value[:7]}-01")
        return dates.format_skeleton("yMMMM", first, locale=self.locale)

    def clock(self, value: datetime | str | time, which: str = "venue") -> str:
        if isinstance(value, time):
            return dates.format_time(value, format="short", locale=self.locale)
        return dates.format_skeleton("Hm", parse_moment(value), tzinfo=self._zone(which), locale=self.locale)

    def zone_name(self, which: str = "venue") -> str:
        """The zone as people name it: "中国时间（重庆）" / "China Time (Chongqing)"."""
        return dates.get_timezone_location(self._zone(which), locale=self.locale, return_city=False)

    def weekday(self, index: int) -> str:
        """Monday = 0."""
        return str(dates.get_day_names("wide", locale=self.locale)[index])

    def until(self, value: datetime | str, now: datetime) -> str:
        """How far off a moment is, e.g. "in 2 days" / "2天后"; "3 hours ago" once past."""
        delta = parse_moment(value) - now
        return dates.format_timedelta(delta, add_direction=True, threshold=1.5, locale=self.locale)

    def money(self, minor: int, currency: str = "CNY") -> str:
        return numbers.format_currency(minor / 100, currency, locale=self.locale)

    def number(self, value: int | float) -> str:
        return numbers.format_decimal(value, locale=self.locale)

    def percent(self, value: int) -> str:
        return numbers.format_percent(value / 100, locale=self.locale)

    def items(self, values: list[str]) -> str:
        """A list in a sentence, e.g. "eggs, fish and milk" / "鸡蛋、鱼和奶"."""
        return lists.format_list(values, locale=self.locale) if values else ""

    def language_name(self, code: str) -> str:
        """ISO 639-1 code -> the language's name in the reader's language (Babel's CLDR names)."""
        return str(babel_locale(self.language).languages.get(code, code))

    def country_name(self, code: str) -> str:
        return str(babel_locale(self.language).territories.get(code.upper(), code))
