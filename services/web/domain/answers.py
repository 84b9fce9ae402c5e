"""What each answer of the booking wizard must be: the choices offered and one check per question.
Errors are message ids, translated on the page. Pure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from services.web.domain import recurrence
from services.web.domain.messages import N_

LAYOUTS = ("theater", "classroom", "banquet", "reception", "boardroom", "exhibition")
DIETARY = ("vegetarian", "vegan", "halal", "gluten_free")
LANGUAGES = ("zh", "en", "ar", "fr", "ru", "es", "de", "ja", "ko", "ms", "th", "vi", "pt", "it", "id")
MAX_HOURS = 14
MAX_DAYS = 14

Errors = dict[str, str]


def whole(value: str | None, low: int, high: int) -> int | None:
    try:
        number = int((value or "").strip())
    except ValueError:
        return None
    return number if low <= number <= high else None


def _check_date(answers: dict[str, str], today: date | None) -> Errors:
    try:
        day = date.fromisoformat(answers.get("date", ""))
    except ValueError:
        return {"date": N_("Enter the first day of the event, for example 2027-03-02.")}
    if today is not None and day <= today:
        return {"date": N_("Choose a day after today: the venue needs at least a day's notice.")}
    if today is not None and day > today + timedelta(days=540):
        return {"date": N_("Bookings open at most 540 days ahead.")}
    return {}


def _check_length(answers: dict[str, str], _: date | None) -> Errors:
    errors: Errors = {}
    try:
        hours = float(answers.get("hours", ""))
    except ValueError:
        hours = 0
    if not (1 <= hours <= MAX_HOURS and (hours * 2).is_integer()):
        errors["hours"] = N_("Choose how many hours the event lasts each day (1 to 14).")
    if whole(answers.get("days", "1"), 1, MAX_DAYS) is None:
        errors["days"] = N_("Choose on how many days it runs (1 to 14).")
    return errors


def _check_attendees(answers: dict[str, str], _: date | None) -> Errors:
    if whole(answers.get("attendees"), 1, 10000) is None:
        return {"attendees": N_("Enter how many people attend, as a whole number from 1 to 10,000.")}
    return {}


def _check_layout(answers: dict[str, str], _: date | None) -> Errors:
    return {} if answers.get("layout") in LAYOUTS else {"layout": N_("Choose how the seats are arranged.")}


def _check_place(answers: dict[str, str], _: date | None) -> Errors:
    space, _bar, day = answers.get("place", "").partition("|")
    if not space or not day:
        return {"place": N_("Choose a room on one of the days shown.")}
    return {}


def _check_start(answers: dict[str, str], _: date | None) -> Errors:
    hour, _colon, minute = answers.get("start", "").partition(":")
    if not (hour.isdigit() and minute in ("00", "30") and 8 <= int(hour) <= 21):
        return {"start": N_("Choose a start time from the list.")}
    return {}


def _check_repeat(answers: dict[str, str], _: date | None) -> Errors:
    if answers.get("repeat", "none") not in ("none", "weekly", "monthly"):
        return {"repeat": N_("Choose whether the event repeats.")}
    return {}


def _check_repeat_pattern(answers: dict[str, str], _: date | None) -> Errors:
    return recurrence.check_pattern(answers) if recurrence.repeats(answers) else {}


def _check_repeat_end(answers: dict[str, str], _: date | None) -> Errors:
    return recurrence.check_end(answers) if recurrence.repeats(answers) else {}


def _check_interpreting(answers: dict[str, str], _: date | None) -> Errors:
    targets = [t for t in answers.get("target_languages", "").split(",") if t]
    floor = answers.get("floor_language", "")
    if not targets:
        return {}
    errors: Errors = {}
    if floor not in LANGUAGES:
        errors["floor_language"] = N_("Choose the language spoken on the stage.")
    if floor in targets:
        errors["target_languages"] = N_("The stage language needs no interpretation: untick it.")
    if any(target not in LANGUAGES for target in targets) or len(targets) > 8:
        errors["target_languages"] = N_("Choose up to 8 languages from the list.")
    return errors


def _check_menu(answers: dict[str, str], _: date | None) -> Errors:
    menu = answers.get("menu", "")
    if menu and not menu.replace("-", "").isalnum():
        return {"menu": N_("Choose a menu from the list, or no catering.")}
    return {}


def _check_catering(answers: dict[str, str], _: date | None) -> Errors:
    if not answers.get("menu"):
        return {}
    errors: Errors = {}
    headcount = whole(answers.get("headcount"), 1, 5000)
    if headcount is None:
        errors["headcount"] = N_("Enter how many guests eat, as a whole number.")
    counts = [whole(answers.get(f"dietary_{need}") or "0", 0, 5000) for need in DIETARY]
    for need, count in zip(DIETARY, counts, strict=True):
        if count is None:
            errors[f"dietary_{need}"] = N_("Enter a whole number (0 if none).")
    if headcount and all(c is not None for c in counts) and sum(c or 0 for c in counts) > headcount:
        errors["dietary_vegetarian"] = N_("Count each guest once: the special meals add up to more guests.")
    if len(answers.get("allergy_notes", "")) > 500:
        errors["allergy_notes"] = N_("Keep the allergy notes to 500 characters.")
    return errors


def _check_network(answers: dict[str, str], _: date | None) -> Errors:
    if whole(answers.get("network_lines") or "0", 0, 4) is None:
        return {"network_lines": N_("Choose how many dedicated lines (0 to 4).")}
    return {}


def _check_planning(answers: dict[str, str], _: date | None) -> Errors:
    if len(answers.get("planning_request", "")) > 2000:
        return {"planning_request": N_("Keep the request to 2,000 characters.")}
    return {}


def _check_title(answers: dict[str, str], _: date | None) -> Errors:
    title = answers.get("title", "").strip()
    if not 1 <= len(title) <= 200:
        return {"title": N_("Give the event a name (up to 200 characters).")}
    return {}


def _check_public(answers: dict[str, str], _: date | None) -> Errors:
    if answers.get("public", "no") in ("yes", "no"):  # not asked yet (an older draft): private
        return {}
    return {"public": N_("Choose whether What's on shows the event.")}


CHECKS: dict[str, Callable[[dict[str, str], date | None], Errors]] = {
    "date": _check_date,
    "length": _check_length,
    "attendees": _check_attendees,
    "layout": _check_layout,
    "place": _check_place,
    "start": _check_start,
    "repeat": _check_repeat,
    "repeat_pattern": _check_repeat_pattern,
    "repeat_end": _check_repeat_end,
    "interpreting": _check_interpreting,
    "menu": _check_menu,
    "catering": _check_catering,
    "network": _check_network,
    "planning": _check_planning,
    "title": _check_title,
    "public": _check_public,
}
