"""Recurring bookings from simple choices: weekly on some days or monthly, until a day or a number of
times, as the iCalendar RRULE the venue's POST /bookings/series takes; and a stored rule in words. Pure.

The rule runs on the venue's wall clock from the first booking's start, which must be its first
occurrence: a weekly rule always includes the first day's weekday, a monthly one repeats its date or
its place in the month ("the second Tuesday").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from services.web.domain.messages import N_

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # Monday = 0, as date.weekday()
MOST = 52  # the venue's default WICT_SERIES_MAX_OCCURRENCES
FURTHEST = timedelta(days=540)  # bookings open at most this far ahead


@dataclass(frozen=True)
class Place:
    """Where a day stands in its month: the 2nd Tuesday (ordinal 2), or the last Friday (ordinal -1)."""

    ordinal: int
    weekday: int

    @property
    def code(self) -> str:
        return f"{self.ordinal}{WEEKDAYS[self.weekday]}"


def place_in_month(day: date) -> Place:
    ordinal = (day.day - 1) // 7 + 1
    return Place(-1 if ordinal == 5 else ordinal, day.weekday())


def repeats(answers: dict[str, str]) -> bool:
    return answers.get("repeat") in ("weekly", "monthly")


def first_day(answers: dict[str, str]) -> date | None:
    try:
        return date.fromisoformat(answers.get("place", "").partition("|")[2])
    except ValueError:
        return None


def chosen_days(answers: dict[str, str]) -> list[str]:
    return [day for day in WEEKDAYS if day in answers.get("repeat_days", "").split(",")]


def check_pattern(answers: dict[str, str]) -> dict[str, str]:
    """Weekly: at least the first day's weekday; monthly: by date or by place in the month."""
    first = first_day(answers)
    if answers.get("repeat") == "weekly":
        days = chosen_days(answers)
        if first is not None and WEEKDAYS[first.weekday()] not in days:
            return {"repeat_days": N_("Tick the weekday of the first day too: the series starts on it.")}
    if answers.get("repeat") == "monthly" and answers.get("repeat_monthly") not in ("date", "place"):
        return {"repeat_monthly": N_("Choose which day of each month.")}
    return {}


def check_end(answers: dict[str, str]) -> dict[str, str]:
    """Until a day after the first (at most 540 days ahead), or 2 to 52 times."""
    first = first_day(answers)
    if answers.get("repeat_end") == "count":
        count = answers.get("repeat_count", "").strip()
        if not (count.isdigit() and 2 <= int(count) <= MOST):
            return {"repeat_count": N_("Enter how many times, from 2 to 52.")}
        return {}
    if answers.get("repeat_end") != "until":
        return {"repeat_end": N_("Choose when the series ends.")}
    try:
        last = date.fromisoformat(answers.get("repeat_until", ""))
    except ValueError:
        return {"repeat_until": N_("Enter the last day, for example 2027-06-30.")}
    if first is not None and not first < last <= first + FURTHEST:
        return {"repeat_until": N_("The last day must come after the first, at most 540 days later.")}
    return {}


def rule(answers: dict[str, str]) -> str | None:
    """The RRULE of a complete draft, or None when the booking does not repeat."""
    first = first_day(answers)
    if not repeats(answers) or first is None:
        return None
    if answers["repeat"] == "weekly":
        parts = ["FREQ=WEEKLY", "BYDAY=" + ",".join(chosen_days(answers))]
    elif answers.get("repeat_monthly") == "place":
        parts = ["FREQ=MONTHLY", "BYDAY=" + place_in_month(first).code]
    else:
        parts = ["FREQ=MONTHLY", f"BYMONTHDAY={first.day}"]
    if answers.get("repeat_end") == "count":
        parts.append(f"COUNT={int(answers['repeat_count'])}")
    else:
        parts.append("UNTIL=" + date.fromisoformat(answers["repeat_until"]).strftime("%Y%m%d"))
    return ";".join(parts)


@dataclass(frozen=True)
class Described:
    """A stored rule in parts a page words in its language."""

    frequency: str  # WEEKLY | MONTHLY | other
    weekdays: tuple[int, ...] = ()  # weekly: Monday = 0
    month_day: int | None = None  # monthly by date
    place: Place | None = None  # monthly by place in the month
    count: int | None = None


def describe(text: str) -> Described:
    parts = dict(part.partition("=")[::2] for part in text.split(";") if "=" in part)
    count = int(parts["COUNT"]) if parts.get("COUNT", "").isdigit() else None
    days = [day for day in parts.get("BYDAY", "").split(",") if day]
    if parts.get("FREQ") == "WEEKLY":
        weekdays = tuple(WEEKDAYS.index(day[-2:]) for day in days if day[-2:] in WEEKDAYS)
        return Described("WEEKLY", weekdays=weekdays, count=count)
    if parts.get("FREQ") == "MONTHLY" and parts.get("BYMONTHDAY", "").isdigit():
        return Described("MONTHLY", month_day=int(parts["BYMONTHDAY"]), count=count)
    if parts.get("FREQ") == "MONTHLY" and len(days) == 1 and days[0][-2:] in WEEKDAYS:
        ordinal = days[0][:-2].lstrip("+")
        if ordinal.lstrip("-").isdigit():
            return Described("MONTHLY", place=Place(int(ordinal), WEEKDAYS.index(days[0][-2:])), count=count)
    return Described(parts.get("FREQ", ""), count=count)
