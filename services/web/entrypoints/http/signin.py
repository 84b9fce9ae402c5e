"""Signing in (e-mail and password, or a one-time link by e-mail) and out: POST /sessions,
/sessions/link, /sessions/link/verify and /sessions/revoke at the venue."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.di import NamedDependency
from litestar.params import FromQuery
from litestar.response import Template

from services.web.domain import refusals
from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem
from services.web.domain.session import Session
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import local_path, page, redirect, setting_cookie
from services.web.entrypoints.http.security import visitor_cookie
from services.web.entrypoints.http.viewer import ELDER_COOKIE, Viewer, session_cookie
from services.web.handlers.people import open_session, sign_in, sign_out

HOME = {"organizer": "/bookings", "staff": "/desk", "ops": "/ops"}


def signed_in(viewer: Viewer, session_id: str, session: Session, target: str | None) -> Response[Any]:
    """Where a fresh session goes, with its new cookie id. Elder mode kept in the profile comes on
    (a visitor who switched it on before signing in keeps it either way)."""
    response = redirect(local_path(target, HOME.get(session.role, "/")))
    secure = viewer.deps.config.cookie_secure
    response.cookies.append(visitor_cookie(session_cookie(secure), session_id, secure))
    if session.elder_mode:
        response.cookies.append(setting_cookie(ELDER_COOKIE, "1", secure))
    return response


class SignInController(Controller):
    path = "/"
    tags = ["accounts"]

    @get("/sign-in")
    async def sign_in_form(self, viewer: NamedDependency[Viewer], next: FromQuery[str] = "") -> Template:
        """E-mail and password, or a one-time link by e-mail."""
        return page(viewer, "signin/sign_in.html", values={}, errors={}, next_path=local_path(next, ""))

    @post("/sign-in")
    async def sign_in(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """POST /sessions with the person's e-mail and password; a fresh session cookie on success."""
        fields = await form_fields(request)
        errors = {}
        if "@" not in fields.get("email", ""):
            errors["email"] = N_("Enter your e-mail address, like name@example.org.")
        if not fields.get("password"):
            errors["password"] = N_("Enter your password.")
        problem = None
        if not errors:
            deps = viewer.deps
            try:
                session_id, session = await sign_in(
                    deps.venue, deps.sessions, fields["email"], fields["password"], deps.idle
                )
            except ApiProblem as refused:
                problem = refusals.sign_in_refusal(refused.status, refused.detail)
            else:
                return signed_in(viewer, session_id, session, fields.get("next"))
        return page(
            viewer,
            "signin/sign_in.html",
            422 if errors else 401,
            values={"email": fields.get("email", "")},
            errors=errors,
            problem=problem,
            next_path=fields.get("next", ""),
        )

    @post("/sign-in/link")
    async def sign_in_link(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """POST /sessions/link: a one-time sign-in link by e-mail (the same answer whoever asks)."""
        fields = await form_fields(request)
        email = fields.get("link_email", "")
        if "@" not in email:
            errors = {"link_email": N_("Enter your e-mail address, like name@example.org.")}
            values = {"link_email": email}
            return page(viewer, "signin/sign_in.html", 422, values=values, errors=errors, next_path="")
        try:
            await viewer.deps.venue.json("POST", "/sessions/link", json={"email": email})
        except ApiProblem:
            pass  # the same answer either way: no account enumeration
        return page(
            viewer,
            "signin/sent.html",
            message=N_(
                "If an account uses this address, we have sent it a sign-in link. It works once, for 15 minutes."
            ),
        )

    @get("/sign-in/link/verify")
    async def link_landing(self, viewer: NamedDependency[Viewer], token: FromQuery[str] = "") -> Template:
        """The e-mailed link opens a page with one button (link scanners do not use it up)."""
        return page(
            viewer,
            "signin/confirm_token.html",
            token=token,
            action="/sign-in/link/verify",
            button=N_("Sign in"),
        )

    @post("/sign-in/link/verify")
    async def link_verify(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """POST /sessions/link/verify: the link signs the person in once."""
        fields = await form_fields(request)
        try:
            answer = await viewer.deps.venue.json(
                "POST", "/sessions/link/verify", json={"token": fields.get("token", "")}
            )
        except ApiProblem as problem:
            refusal = (
                refusals.sign_in_refusal(problem.status, problem.detail)
                if problem.status == 403
                else refusals.link_refusal(problem.status, problem.detail)
            )
            return page(viewer, "signin/sent.html", problem.status, message=refusal, follow_up="sign_in_link")
        session_id, session = await open_session(viewer.deps.sessions, answer, viewer.deps.idle)
        return signed_in(viewer, session_id, session, None)

    @post("/sign-out")
    async def sign_out(self, viewer: NamedDependency[Viewer]) -> Response[Any]:
        """Revoke the refresh token, forget the session, and give the browser a new visitor id."""
        if viewer.session:
            await sign_out(viewer.deps.venue, viewer.deps.sessions, viewer.key, viewer.session)
        response = redirect("/", "signed_out")
        secure = viewer.deps.config.cookie_secure
        response.cookies.append(
            Cookie(key=session_cookie(secure), value="", max_age=0, path="/", secure=secure, httponly=True)
        )
        return response
