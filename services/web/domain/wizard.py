"""The booking wizard: its questions and how they are grouped into steps (what each answer must be:
``answers``).

One question per step in elder mode (the brief's 适老化); related questions share a step otherwise.
Answers are the form's strings, kept in a draft between steps; ``booking_request`` turns a complete
draft into the body of POST /quotes and POST /bookings (and, with its rule, POST /bookings/series).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from services.web.domain import recurrence
from services.web.domain.answers import CHECKS, DIETARY, MAX_DAYS, Errors, whole


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
    Question("repeat", ("repeat",), "repeat"),
    Question("repeat_pattern", ("repeat_days", "repeat_monthly"), "repeat"),
    Question("repeat_end", ("repeat_end", "repeat_count", "repeat_until"), "repeat"),
    Question("interpreting", ("floor_language", "target_languages"), "services"),
    Question("menu", ("menu",), "services"),
    Question("catering", ("headcount", "allergy_notes", *(f"dietary_{d}" for d in DIETARY)), "services"),
    Question("network", ("network_lines",), "services"),
    Question("planning", ("planning_request",), "services"),
    Question("title", ("title",), "title"),
    Question("public", ("public",), "title"),
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
    """Catering details only when a menu was chosen, the series' pattern and end only when the booking
    repeats, whether to show it in What's on only when it does not (elder mode then skips those
    pages)."""
    if question.name == "catering":
        return bool(answers.get("menu"))
    if question.name in ("repeat_pattern", "repeat_end"):
        return recurrence.repeats(answers)
    if question.name == "public":  # POST /bookings takes it; a series' times are shown one by one
        return not recurrence.repeats(answers)
    return True


def shown(question: Question, answers: dict[str, str], elder: bool) -> bool:
    """Whether a page shows the question: the standard mode shows a step's questions together (the
    catering details with the menu: the same page answers whether they apply), except those an earlier
    page already ruled out (What's on, for a series)."""
    return applies(question, answers) or (not elder and question.name != "public")


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


def validate(question: Question, answers: dict[str, str], today: date | None) -> Errors:
    """The answers' problems for ``question``, field -> message id (empty: fine)."""
    check = CHECKS.get(question.name)
    return check(answers, today) if check else {}


def duration(answers: dict[str, str]) -> timedelta:
    days = whole(answers.get("days", "1"), 1, MAX_DAYS) or 1
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
