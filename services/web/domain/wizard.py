"""The booking wizard: its questions, how they are grouped into steps, and what each answer must be.

One question per step in elder mode (the brief's 适老化); related questions share a step otherwise.
Answers are the form's strings, kept in a draft between steps; ``booking_request`` turns a complete
draft into the body of POST /quotes and POST /bookings. Errors are message ids (translated on the page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from services.web.domain.messages import N_

LAYOUTS = ("theater", "classroom", "banquet", "reception", "boardroom", "exhibition")
DIETARY = ("vegetarian", "vegan", "halal", "gluten_free")
LANGUAGES = ("zh", "en", "ar", "fr", "ru", "es", "de", "ja", "ko", "ms", "th", "vi", "pt", "it", "id")
MAX_HOURS = 14
MAX_DAYS = 14


@dataclass(frozen=True)
class Question:
    name: str  # also the template's partial: bookings/questions/<name>.html
    fields: tuple[str, ...]
    group: str  # questions of one group share a step in the standard mode


QUESTIONS = (
    Question("date", ("date", "view"), "when"),
    Question("length", ("hours", "days"), "when"),
    Question("attendees", ("attendees",), "when"),
    Question("layout", ("layout",), "when"),
    Question("place", ("place",), "place"),
    Question("start", ("start",), "start"),
    Question("interpreting", ("floor_language", "target_languages"), "services"),
    Question("menu", ("menu",), "services"),
    Question("catering", ("headcount", "allergy_notes", *(f"dietary_{d}" for d in DIETARY)), "services"),
    Question("network", ("network_lines",), "services"),
    Question("planning", ("planning_request",), "services"),
    Question("title", ("title",), "title"),
)
BY_NAME = {question.name: question for question in QUESTIONS}


def steps(elder: bool) -> list[tuple[Question, ...]]:
    """The pages of the wizard, in order (the quote comes after the last)."""
    if elder:
        return [(question,) for question in QUESTIONS]
    grouped: dict[str, list[Question]] = {}
    for question in QUESTIONS:
        grouped.setdefault(question.group, []).append(question)
    return [tuple(questions) for questions in grouped.values()]


def applies(question: Question, answers: dict[str, str]) -> bool:
    """Catering details only when a menu was chosen (elder mode then skips that page)."""
    return question.name != "catering" or bool(answers.get("menu"))


def step_index(name: str, elder: bool) -> int:
    for index, step in enumerate(steps(elder)):
        if any(question.name == name for question in step):
            return index
    raise KeyError(name)


def next_step(index: int, answers: dict[str, str], elder: bool) -> int | None:
    """The next page that asks something, or None: the quote."""
    pages = steps(elder)
    for following in range(index + 1, len(pages)):
        if any(applies(question, answers) for question in pages[following]):
            return following
    return None


def previous_step(index: int, answers: dict[str, str], elder: bool) -> int | None:
    pages = steps(elder)
    for earlier in range(index - 1, -1, -1):
        if any(applies(question, answers) for question in pages[earlier]):
            return earlier
    return None


def first_unanswered(answers: dict[str, str], elder: bool) -> int | None:
    """Where a draft resumes: the first page with a required answer missing (None: all answered)."""
    for index, page in enumerate(steps(elder)):
        for question in page:
            if applies(question, answers) and validate(question, answers, today=None):
                return index
    return None


Errors = dict[str, str]


def validate(question: Question, answers: dict[str, str], today: date | None) -> Errors:
    """The answers' problems for ``question``, field -> message id (empty: fine)."""
    check = _CHECKS.get(question.name)
    return check(answers, today) if check else {}


def _whole(value: str | None, low: int, high: int) -> int | None:
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
    if _whole(answers.get("days", "1"), 1, MAX_DAYS) is None:
        errors["days"] = N_("Choose on how many days it runs (1 to 14).")
    return errors


def _check_attendees(answers: dict[str, str], _: date | None) -> Errors:
    if _whole(answers.get("attendees"), 1, 10000) is None:
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
    headcount = _whole(answers.get("headcount"), 1, 5000)
    if headcount is None:
        errors["headcount"] = N_("Enter how many guests eat, as a whole number.")
    counts = [_whole(answers.get(f"dietary_{need}") or "0", 0, 5000) for need in DIETARY]
    for need, count in zip(DIETARY, counts, strict=True):
        if count is None:
            errors[f"dietary_{need}"] = N_("Enter a whole number (0 if none).")
    if headcount and all(c is not None for c in counts) and sum(c or 0 for c in counts) > headcount:
        errors["dietary_vegetarian"] = N_("Count each guest once: the special meals add up to more guests.")
    if len(answers.get("allergy_notes", "")) > 500:
        errors["allergy_notes"] = N_("Keep the allergy notes to 500 characters.")
    return errors


def _check_network(answers: dict[str, str], _: date | None) -> Errors:
    if _whole(answers.get("network_lines") or "0", 0, 4) is None:
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


_CHECKS = {
    "date": _check_date,
    "length": _check_length,
    "attendees": _check_attendees,
    "layout": _check_layout,
    "place": _check_place,
    "start": _check_start,
    "interpreting": _check_interpreting,
    "menu": _check_menu,
    "catering": _check_catering,
    "network": _check_network,
    "planning": _check_planning,
    "title": _check_title,
}


def duration(answers: dict[str, str]) -> timedelta:
    days = _whole(answers.get("days", "1"), 1, MAX_DAYS) or 1
    return timedelta(days=days - 1, hours=float(answers.get("hours") or 1))


def duration_iso(answers: dict[str, str]) -> str:
    """The availability query's duration: ISO 8601 (PT4H30M, P2DT4H)."""
    length = duration(answers)
    minutes = length.seconds // 60
    days = f"P{length.days}D" if length.days else "P"
    return f"{days}T{minutes // 60}H{minutes % 60}M"


def chosen_place(answers: dict[str, str]) -> tuple[str, str]:
    space, _, day = answers.get("place", "").partition("|")
    return space, day


def interval(answers: dict[str, str], venue_zone: str) -> tuple[datetime, datetime]:
    """The event's start and end, from the chosen day and start time on the venue's clock."""
    _, day = chosen_place(answers)
    hour, _, minute = answers["start"].partition(":")
    starts = datetime.combine(date.fromisoformat(day), datetime.min.time()).replace(
        hour=int(hour), minute=int(minute), tzinfo=ZoneInfo(venue_zone)
    )
    return starts, starts + duration(answers)


def booking_request(answers: dict[str, str], venue_zone: str) -> dict[str, object]:
    """The body of POST /quotes and POST /bookings from a complete draft."""
    starts, ends = interval(answers, venue_zone)
    space, _ = chosen_place(answers)
    body: dict[str, object] = {
        "space_id": space,
        "layout": answers["layout"],
        "starts_at": starts.isoformat(),
        "ends_at": ends.isoformat(),
        "attendees": int(answers["attendees"]),
        "title": answers.get("title", "").strip(),
        "network_lines": int(answers.get("network_lines") or 0),
    }
    targets = [t for t in answers.get("target_languages", "").split(",") if t]
    if targets:
        body["interpreting"] = {"floor_language": answers["floor_language"], "target_languages": targets}
    if answers.get("menu"):
        dietary = {need: int(answers.get(f"dietary_{need}") or 0) for need in DIETARY}
        body["catering"] = {
            "menu": answers["menu"],
            "headcount": int(answers["headcount"]),
            "dietary": {need: count for need, count in dietary.items() if count},
            "allergy_notes": answers.get("allergy_notes", "").strip(),
        }
    return body
