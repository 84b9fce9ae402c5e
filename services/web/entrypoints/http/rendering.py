"""Pages: the Jinja environment (autoescaped, gettext from the page's language), the context every page
gets (who is looking, how to format, the manual window, the navigation) and redirects with a notice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, pass_context
from jinja2.runtime import Context
from litestar import Response
from litestar.datastructures import Cookie
from litestar.di import NamedDependency
from litestar.response import Redirect, Template

from services.web.domain import messages, refusals
from services.web.domain.messages import N_
from services.web.entrypoints.http.viewer import NOTICE_COOKIE, Viewer

YEAR = 365 * 24 * 3600
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

NAVIGATION = {
    "visitor": [("/", N_("Home")), ("/whats-on", N_("What's on")), ("/sign-in", N_("Sign in"))],
    "organizer": [
        ("/bookings", N_("My bookings")),
        ("/book", N_("Book a room")),
        ("/notifications", N_("Messages")),
        ("/profile", N_("Profile")),
    ],
    "staff": [
        ("/desk", N_("Find a caller")),
        ("/desk/approvals", N_("Approvals")),
        ("/desk/closures", N_("Closures")),
        ("/desk/planning", N_("Planning")),
        ("/desk/vendor-tasks", N_("Vendor tasks")),
        ("/desk/reports", N_("Reports")),
    ],
    "ops": [
        ("/ops", N_("Health")),
        ("/ops/sagas", N_("Sagas")),
        ("/ops/dead-letters", N_("Dead letters")),
        ("/ops/failures", N_("Failed messages")),
    ],
}


@pass_context
def _gettext(context: Context, message: str) -> str:
    return str(context["i18n"].gettext(message))


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return str(context["i18n"].ngettext(singular, plural, count))


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
        trim_blocks=True,
    )
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["messages"] = messages
    env.globals["refusals"] = refusals
    return env


def manual_window(viewer: NamedDependency[Viewer]) -> dict[str, str]:
    """The manual window's phone and opening hours in the page's language."""
    config = viewer.deps.config
    first, _, last = config.desk_days.partition("-")
    fmt = viewer.fmt
    return {
        "phone": config.desk_phone,
        "phone_link": "tel:" + "".join(ch for ch in config.desk_phone if ch.isdigit() or ch == "+"),
        "first_day": fmt.weekday(int(first or 0)),
        "last_day": fmt.weekday(int(last or first or 0)),
        "hours": config.desk_hours.replace("-", "–"),
    }


ENVIRONMENT = environment()


def _common(viewer: NamedDependency[Viewer]) -> dict[str, Any]:
    return {
        "viewer": viewer,
        "fmt": viewer.fmt,
        "i18n": viewer.deps.translations[viewer.language],
        "lang": viewer.language,
        "csrf": viewer.csrf,
        "nav": NAVIGATION[viewer.role],
        "desk": manual_window(viewer),
        "notice": messages.NOTICES.get(viewer.notice or ""),
        "current_path": viewer.path,
    }


def fragment(viewer: NamedDependency[Viewer], template: str, **context: Any) -> str:
    """A piece of a page rendered to text (server-sent events carry these)."""
    return ENVIRONMENT.get_template(template).render({**_common(viewer), **context})


def page(viewer: NamedDependency[Viewer], template: str, status_code: int = 200, **context: Any) -> Template:
    """A whole page (or, for htmx, a fragment template) with what every page needs."""
    common = _common(viewer)
    response = Template(template_name=template, context={**common, **context}, status_code=status_code)
    if viewer.notice:
        response.cookies.append(Cookie(key=NOTICE_COOKIE, value="", max_age=0, path="/"))
    return response


def redirect(path: str, notice: str | None = None, *, htmx: bool = False) -> Response[Any]:
    """303 to a page of ours (POST-redirect-GET), with a notice for it to show once."""
    cookies = (
        [Cookie(key=NOTICE_COOKIE, value=notice, path="/", httponly=True, samesite="lax")] if notice else []
    )
    if htmx:  # htmx follows redirects itself; HX-Redirect makes the browser load the whole page
        return Response(content="", status_code=204, headers={"HX-Redirect": path}, cookies=cookies)
    return Redirect(path=path, status_code=303, cookies=cookies)


def setting_cookie(name: str, value: str, secure: bool) -> Cookie:
    """A visitor's setting (language, elder mode), kept for a year."""
    return Cookie(key=name, value=value, path="/", max_age=YEAR, secure=secure, httponly=True, samesite="lax")


def local_path(candidate: str | None, fallback: str = "/") -> str:
    """A path on this site to go back to (never another host: no open redirect)."""
    if not candidate or not candidate.startswith("/") or candidate.startswith("//") or "\\" in candidate:
        return fallback
    return candidate
