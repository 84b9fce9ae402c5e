"""The booking wizard: questions page by page (one per page in elder mode), answers kept in a draft
server-side; then the check-and-book page (checkout.py).

Staff use the same wizard for a caller (the draft then carries ``on_behalf_of``)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from services.web.domain import answers as answers_module
from services.web.domain import availability, recurrence, wizard
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer
from services.web.handlers.people import Person

BOOKERS = ("organizer", "staff")
MULTIPLE = ("target_languages", "repeat_days")


def _today(viewer: NamedDependency[Viewer]) -> date:
    return datetime.now(UTC).astimezone(viewer.fmt._zone("venue")).date()


def _grid_days(answers: dict[str, str], elder: bool) -> tuple[date, date]:
    first = date.fromisoformat(answers["date"])
    span = 0 if elder else (29 if answers.get("view") == "month" else 6)
    return first, first + timedelta(days=span)


async def _availability(
    person: Person, answers: dict[str, str], first: date, last: date, space: str = ""
) -> Any:
    targets = [t for t in answers.get("target_languages", "").split(",") if t]
    params = {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "attendees": answers["attendees"],
        "layout": answers["layout"],
        "duration": wizard.duration_iso(answers),
        "languages": len(targets),
        "buffet_guests": answers.get("headcount") if answers.get("menu") else 0,
        "space_id": space,
    }
    return await person.call("GET", "/availability", params=params)


async def _question_data(
    viewer: NamedDependency[Viewer], person: Person, answers: dict[str, str], names: set[str]
) -> dict[str, Any]:
    """What the page's questions show: the grid, the start times, the menus, the free lines."""
    data: dict[str, Any] = {
        "languages": answers_module.LANGUAGES,
        "layouts": answers_module.LAYOUTS,
        "dietary": answers_module.DIETARY,
        "weekdays": recurrence.WEEKDAYS,
    }
    zone = viewer.deps.config.venue_time_zone
    if "place" in names:
        first, last = _grid_days(answers, viewer.elder)
        found = await _availability(person, answers, first, last)
        data["grid"] = availability.grid(found, first, last, zone)
        data["grid_days"] = availability.days_between(first, last)
    if "start" in names:
        space, day = wizard.chosen_place(answers)
        found = await _availability(person, answers, date.fromisoformat(day), date.fromisoformat(day), space)
        rows = availability.grid(found, date.fromisoformat(day), date.fromisoformat(day), zone)
        data["starts"] = availability.starts_on(rows, space, day)
    if names & {"repeat_pattern", "repeat_end"}:
        first_day = recurrence.first_day(answers)
        data["first_day"] = first_day
        data["place_in_month"] = recurrence.place_in_month(first_day) if first_day else None
    if names & {"menu", "catering"}:
        data["menus"] = await viewer.deps.menus.get()
    if "network" in names and answers.get("start"):
        starts, ends = wizard.interval(answers, zone)
        lines = await person.call(
            "GET", "/network-lines/availability", params={"from": starts.isoformat(), "to": ends.isoformat()}
        )
        data["lines_free"] = lines.get("free_throughout", 0)
    return data


class WizardController(Controller):
    path = "/book"
    tags = ["booking wizard"]

    @get("/")
    async def resume(self, viewer: NamedDependency[Viewer]) -> Response[Any]:
        """Where the draft left off (the first unanswered page), or the quote."""
        viewer.person(*BOOKERS)
        answers = await viewer.deps.sessions.draft(viewer.key)
        index = wizard.first_unanswered(answers, viewer.elder)
        return redirect("/book/quote" if index is None else f"/book/{index}")

    @get("/{step:int}")
    async def question(self, viewer: NamedDependency[Viewer], step: FromPath[int]) -> Template:
        """One page of the wizard with the draft's answers filled in."""
        return await self._render(viewer, step, await viewer.deps.sessions.draft(viewer.key), {})

    @post("/{step:int}")
    async def answer(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer], step: FromPath[int]
    ) -> Response[Any]:
        """Keep the page's answers; on to the next page (or the same one, with what to fix)."""
        viewer.person(*BOOKERS)
        pages = wizard.steps(viewer.elder)
        step = min(max(step, 0), len(pages) - 1)
        answers = await viewer.deps.sessions.draft(viewer.key)
        fields = await form_fields(request, multiple=MULTIPLE)
        asked = [field for question in pages[step] for field in question.fields]
        answers |= {name: fields.get(name, "") for name in asked if name in fields or name in MULTIPLE}
        answers.pop("quote_id", None)  # any change needs a fresh quote
        errors: dict[str, str] = {}
        for question in pages[step]:
            if wizard.applies(question, answers):
                errors |= wizard.validate(question, answers, _today(viewer))
        await viewer.deps.sessions.save_draft(viewer.key, answers)
        if errors:
            return await self._render(viewer, step, answers, errors, status_code=422)
        if fields.get("go") == "back":
            earlier = wizard.previous_step(step, answers, viewer.elder)
            return redirect(f"/book/{earlier or 0}")
        following = wizard.next_step(step, answers, viewer.elder)
        return redirect("/book/quote" if following is None else f"/book/{following}")

    async def _render(
        self,
        viewer: NamedDependency[Viewer],
        step: FromPath[int],
        answers: dict[str, str],
        errors: dict[str, str],
        status_code: int = 200,
    ) -> Template:
        person = viewer.person(*BOOKERS)
        pages = wizard.steps(viewer.elder)
        step = min(max(step, 0), len(pages) - 1)
        questions = [q for q in pages[step] if wizard.shown(q, answers, viewer.elder)]
        data = await _question_data(viewer, person, answers, {q.name for q in questions})
        return page(
            viewer,
            "bookings/wizard.html",
            status_code,
            step=step,
            steps=len(pages),
            questions=questions,
            answers=answers,
            errors=errors,
            previous=wizard.previous_step(step, answers, viewer.elder),
            **data,
        )

    @post("/start-over")
    async def start_over(self, viewer: NamedDependency[Viewer]) -> Response[Any]:
        """Forget the draft."""
        viewer.person(*BOOKERS)
        await viewer.deps.sessions.clear_draft(viewer.key)
        return redirect("/book/0", "draft_cleared")
