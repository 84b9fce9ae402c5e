"""Errors as pages a person can act on, in their language (never a stack trace, never JSON)."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from litestar import Request, Response
from litestar.exceptions import HTTPException, NotFoundException, PermissionDeniedException

from services.web.domain import locale, refusals
from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem, SignedOut, Unreachable
from services.web.domain.session import csrf_token
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.security import CsrfRefused
from services.web.entrypoints.http.viewer import ELDER_COOKIE, LANGUAGE_COOKIE, Viewer, session_cookie
from shared.telemetry import trace_id_hex

log = logging.getLogger(__name__)


def _viewer(request: Request[Any, Any, Any]) -> Viewer:
    """The page's viewer if it was loaded; else one built from the cookies alone (not signed in)."""
    known = request.scope.get("state", {}).get("viewer")
    if isinstance(known, Viewer):
        return known
    deps = request.app.state.context.deps
    sid = (
        request.cookies.get(session_cookie(deps.config.cookie_secure))
        or request.scope["state"].get("new_sid")
        or ""
    )
    language = locale.supported(request.cookies.get(LANGUAGE_COOKIE)) or locale.from_accept_language(
        request.headers.get("accept-language")
    )
    return Viewer(
        sid=sid,
        language=language,
        elder=request.cookies.get(ELDER_COOKIE) == "1",
        browser_zone=None,
        session=None,
        csrf=csrf_token(deps.csrf_secret, sid) if sid else "",
        deps=deps,
    )


def error_page(
    request: Request[Any, Any, Any], status: int, heading: str, explanation: str, **extra: Any
) -> Any:
    return page(
        _viewer(request), "errors/error.html", status, heading=heading, explanation=explanation, **extra
    )


def on_signed_out(request: Request[Any, Any, Any], _: SignedOut) -> Response[Any]:
    target = quote(request.url.path) if request.method == "GET" else "/"
    return redirect(f"/sign-in?next={target}", "signed_out", htmx=request.headers.get("hx-request") == "true")


def on_forbidden(request: Request[Any, Any, Any], error: Exception) -> Any:
    if isinstance(error, CsrfRefused):
        return error_page(
            request,
            403,
            N_("Please send the form again"),
            N_(
                "For your safety, this form could not be accepted: it came from an older page or another site. Go back, reload the page and send it again."
            ),
        )
    return error_page(
        request, 403, N_("Not for this account"), N_("This page is for another kind of account.")
    )


def on_api_problem(request: Request[Any, Any, Any], problem: ApiProblem) -> Any:
    if problem.status == 404:
        return on_not_found(request, problem)
    if problem.status == 403:
        return on_forbidden(request, problem)
    if problem.status == 429:
        return error_page(request, 429, N_("Too many requests"), N_("Please wait a moment and try again."))
    log.warning("api refused", extra={"fields": {"status": problem.status, "title": problem.title}})
    return error_page(
        request,
        502,
        N_("The booking system said no"),
        N_("The venue's system could not do this."),
        detail=refusals.problem_message(problem.status),
    )


def on_not_found(request: Request[Any, Any, Any], _: Exception) -> Any:
    return error_page(
        request, 404, N_("Page not found"), N_("There is nothing here, or it belongs to another account.")
    )


def on_unreachable(request: Request[Any, Any, Any], error: Unreachable) -> Any:
    log.warning("api unreachable", extra={"fields": {"error": str(error)}})
    return error_page(
        request,
        503,
        N_("Please try again shortly"),
        N_("The venue's booking system is not answering right now. Nothing was changed."),
    )


def on_http_error(request: Request[Any, Any, Any], error: HTTPException) -> Any:
    if error.status_code == 404:
        return on_not_found(request, error)
    if error.status_code == 403:
        return on_forbidden(request, error)
    return error_page(
        request, error.status_code, N_("Something is not right"), N_("This request could not be handled.")
    )


def on_unexpected(request: Request[Any, Any, Any], error: Exception) -> Any:
    log.exception("page failed", exc_info=error)
    return error_page(
        request,
        500,
        N_("Sorry, something went wrong"),
        N_("The page failed on our side. Nothing you sent was lost on purpose; please try again."),
        trace_id=trace_id_hex(),
    )


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    SignedOut: on_signed_out,
    PermissionDeniedException: on_forbidden,
    ApiProblem: on_api_problem,
    Unreachable: on_unreachable,
    NotFoundException: on_not_found,
    HTTPException: on_http_error,
    Exception: on_unexpected,
}
