"""Signing up, in and out, and resetting a password: issue 12's account routes (POST /signup,
/sessions, /password-resets...). Until the venue offers them, each page says so and names the desk."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.di import NamedDependency
from litestar.params import FromQuery
from litestar.response import Template

from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem, NotOffered, Unauthorized
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import local_path, page, redirect
from services.web.entrypoints.http.security import visitor_cookie
from services.web.entrypoints.http.viewer import Viewer, session_cookie
from services.web.handlers.people import open_session, sign_in, sign_out

HOME = {"organizer": "/bookings", "staff": "/desk", "ops": "/ops"}
NOT_YET = N_("Signing in on this site opens soon. Until then, the service desk books for you.")


def _refusal(problem: ApiProblem) -> str:
    if isinstance(problem, Unauthorized):
        return N_("The e-mail address or the password is not right.")
    if problem.status == 429:
        return N_("Too many tries. Please wait a few minutes and try again.")
    if problem.status == 403:
        return N_("This account cannot sign in yet: open the link we e-mailed you, or call the service desk.")
    return N_("Signing in did not work. Please try again.")


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
            try:
                session_id, session = await sign_in(
                    viewer.deps.venue,
                    viewer.deps.sessions,
                    fields["email"],
                    fields["password"],
                    viewer.deps.idle,
                )
            except NotOffered:
                problem = NOT_YET
            except ApiProblem as refused:
                problem = _refusal(refused)
            else:
                target = local_path(fields.get("next"), HOME.get(session.role, "/"))
                response = redirect(target)
                secure = viewer.deps.config.cookie_secure
                response.cookies.append(visitor_cookie(session_cookie(secure), session_id, secure))
                return response
        values = {"email": fields.get("email", "")}
        return page(
            viewer,
            "signin/sign_in.html",
            422,
            values=values,
            errors=errors,
            problem=problem,
            next_path=fields.get("next", ""),
        )

    @post("/sign-in/link")
    async def sign_in_link(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Template:
        """POST /sessions/link: a one-time sign-in link by e-mail (the same answer whoever asks)."""
        fields = await form_fields(request)
        try:
            await viewer.deps.venue.offered(
                "POST /sessions/link", "POST", "/sessions/link", json={"email": fields.get("link_email", "")}
            )
        except NotOffered:
            return page(
                viewer, "signin/sign_in.html", values=fields, errors={}, problem=NOT_YET, next_path=""
            )
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
        fields = await form_fields(request)
        try:
            answer = await viewer.deps.venue.offered(
                "POST /sessions/link/verify",
                "POST",
                "/sessions/link/verify",
                json={"token": fields.get("token", "")},
            )
        except ApiProblem as problem:
            return page(
                viewer,
                "signin/sent.html",
                410,
                message=N_("This link has expired or was used already. Ask for a new one."),
                detail=problem.detail,
            )
        session_id, session = await open_session(viewer.deps.sessions, answer, viewer.deps.idle)
        response = redirect(HOME.get(session.role, "/"))
        secure = viewer.deps.config.cookie_secure
        response.cookies.append(visitor_cookie(session_cookie(secure), session_id, secure))
        return response

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
