"""Opening an account and resetting a password (issue 12's POST /signup, /signup/verify,
/password-resets and /password-resets/confirm)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromQuery
from litestar.response import Template

from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem, NotOffered
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.signin import NOT_YET
from services.web.entrypoints.http.viewer import Viewer

SIGNUP_FIELDS = ("name", "organization", "email", "phone", "password", "time_zone")


def _check_signup(fields: dict[str, str]) -> dict[str, str]:
    errors = {}
    if not fields.get("name"):
        errors["name"] = N_("Enter your name.")
    if "@" not in fields.get("email", ""):
        errors["email"] = N_("Enter your e-mail address, like name@example.org.")
    if not 10 <= len(fields.get("password", "")) <= 256:
        errors["password"] = N_("Choose a password of at least 10 characters.")
    phone = fields.get("phone", "").replace(" ", "")
    if phone and not (phone.startswith("+") and phone[1:].isdigit() and 8 <= len(phone) <= 16):
        errors["phone"] = N_("Enter the phone number with its country code, like +86 23 6000 0000.")
    return errors


class SignUpController(Controller):
    path = "/"
    tags = ["accounts"]

    @get("/sign-up")
    async def sign_up_form(self, viewer: NamedDependency[Viewer]) -> Template:
        """Name, organization, e-mail, phone, password; language and zone from the visit."""
        return page(viewer, "signin/sign_up.html", values={"time_zone": viewer.zone or ""}, errors={})

    @post("/sign-up")
    async def sign_up(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Template:
        """POST /signup: the venue e-mails a link to finish (the same answer if the address is taken)."""
        fields = await form_fields(request)
        errors, problem = _check_signup(fields), None
        if not errors:
            body: dict[str, Any] = {name: fields[name] for name in SIGNUP_FIELDS if fields.get(name)}
            body["phone"] = body.get("phone", "").replace(" ", "") or None
            body |= {
                "locale": viewer.language,
                "time_zone": fields.get("time_zone") or viewer.deps.config.venue_time_zone,
            }
            try:
                await viewer.deps.venue.offered(
                    "POST /signup", "POST", "/signup", json={k: v for k, v in body.items() if v}
                )
            except NotOffered:
                problem = NOT_YET
            except ApiProblem as refused:
                errors = {
                    field: reason
                    for field, reason in refused.field_errors().items()
                    if field in SIGNUP_FIELDS
                }
                problem = None if errors else refused.title
            else:
                return page(
                    viewer,
                    "signin/sent.html",
                    message=N_("We have e-mailed you a link. Open it to finish opening your account."),
                )
        values = {name: fields.get(name, "") for name in SIGNUP_FIELDS if name != "password"}
        return page(viewer, "signin/sign_up.html", 422, values=values, errors=errors, problem=problem)

    @get("/sign-up/verify")
    async def verify_landing(self, viewer: NamedDependency[Viewer], token: FromQuery[str] = "") -> Template:
        return page(
            viewer,
            "signin/confirm_token.html",
            token=token,
            action="/sign-up/verify",
            button=N_("Finish opening my account"),
        )

    @post("/sign-up/verify")
    async def verify(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Template:
        """POST /signup/verify: the account is active; the person signs in."""
        fields = await form_fields(request)
        try:
            await viewer.deps.venue.offered(
                "POST /signup/verify", "POST", "/signup/verify", json={"token": fields.get("token", "")}
            )
        except ApiProblem as problem:
            return page(
                viewer,
                "signin/sent.html",
                problem.status,
                message=N_("This link cannot be used."),
                detail=problem.title,
            )
        return page(
            viewer, "signin/sent.html", message=N_("Your account is open. You can sign in now."), sign_in=True
        )

    @get("/password-reset")
    async def reset_form(self, viewer: NamedDependency[Viewer]) -> Template:
        return page(viewer, "signin/reset.html", values={}, errors={})

    @post("/password-reset")
    async def reset(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Response[Any]:
        """POST /password-resets: the same answer whether or not the address has an account."""
        fields = await form_fields(request)
        try:
            await viewer.deps.venue.offered(
                "POST /password-resets", "POST", "/password-resets", json={"email": fields.get("email", "")}
            )
        except NotOffered:
            return page(viewer, "signin/reset.html", values=fields, errors={}, problem=NOT_YET)
        except ApiProblem:
            pass
        return redirect("/sign-in", "reset_sent")

    @get("/password-reset/confirm")
    async def new_password_form(
        self, viewer: NamedDependency[Viewer], token: FromQuery[str] = ""
    ) -> Template:
        return page(viewer, "signin/new_password.html", token=token, errors={})

    @post("/password-reset/confirm")
    async def new_password(
        self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]
    ) -> Response[Any]:
        """POST /password-resets/confirm: every session of the account ends; sign in again."""
        fields = await form_fields(request)
        if not 10 <= len(fields.get("password", "")) <= 256:
            errors = {"password": N_("Choose a password of at least 10 characters.")}
            return page(viewer, "signin/new_password.html", 422, token=fields.get("token", ""), errors=errors)
        try:
            await viewer.deps.venue.offered(
                "POST /password-resets/confirm",
                "POST",
                "/password-resets/confirm",
                json={"token": fields.get("token", ""), "password": fields["password"]},
            )
        except ApiProblem as problem:
            errors = problem.field_errors() or {"password": problem.title}
            return page(viewer, "signin/new_password.html", 422, token=fields.get("token", ""), errors=errors)
        return redirect("/sign-in", "password_changed")
