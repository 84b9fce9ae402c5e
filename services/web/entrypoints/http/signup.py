"""Opening an account and resetting a password: POST /signup, /signup/verify, /password-resets and
/password-resets/confirm at the venue (each link in the venue's e-mails opens a page here)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromQuery
from litestar.response import Template

from services.web.domain import refusals
from services.web.domain.messages import N_
from services.web.domain.problems import ApiProblem
from services.web.entrypoints.http.forms import form_fields
from services.web.entrypoints.http.rendering import page, redirect
from services.web.entrypoints.http.viewer import Viewer

SIGNUP_FIELDS = ("name", "organization", "email", "phone", "password")
PASSWORD_RULE = N_("Choose a password of at least 10 characters.")


def _check_signup(fields: dict[str, str]) -> dict[str, str]:
    errors = {}
    if not fields.get("name"):
        errors["name"] = N_("Enter your name.")
    if "@" not in fields.get("email", ""):
        errors["email"] = N_("Enter your e-mail address, like name@example.org.")
    if not 10 <= len(fields.get("password", "")) <= 256:
        errors["password"] = PASSWORD_RULE
    phone = fields.get("phone", "").replace(" ", "").replace("-", "")
    if phone and not (phone.startswith("+") and phone[1:].isdigit() and 8 <= len(phone) <= 16):
        errors["phone"] = N_("Enter the phone number with its country code, like +86 23 6000 0000.")
    return errors


def _signup_body(fields: dict[str, str], viewer: Viewer) -> dict[str, Any]:
    body: dict[str, Any] = {
        name: fields[name] for name in ("name", "organization", "email", "password") if fields.get(name)
    }
    phone = fields.get("phone", "").replace(" ", "").replace("-", "")
    if phone:
        body["phone"] = phone
    return body | {
        "locale": viewer.language,
        "time_zone": viewer.zone or viewer.deps.config.venue_time_zone,
    }


class SignUpController(Controller):
    path = "/"
    tags = ["accounts"]

    @get("/sign-up")
    async def sign_up_form(self, viewer: NamedDependency[Viewer]) -> Template:
        """Name, organization, e-mail, phone, password; language and zone from the visit."""
        return page(viewer, "signin/sign_up.html", values={}, errors={})

    @post("/sign-up")
    async def sign_up(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Template:
        """POST /signup: the venue e-mails a link to finish (the same answer if the address is taken)."""
        fields = await form_fields(request)
        errors, problem = _check_signup(fields), None
        if not errors:
            try:
                await viewer.deps.venue.json("POST", "/signup", json=_signup_body(fields, viewer))
            except ApiProblem as refused:
                errors = {f: refusals.field_message(f) for f in refused.field_errors() if f in SIGNUP_FIELDS}
                if "password" in errors:  # the venue's rule (length, not a common one), in words we have
                    errors["password"] = N_(
                        "Choose another password: at least 10 characters and not a common one."
                    )
                problem = None if errors else N_("Opening the account did not work. Please try again.")
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
        """The e-mailed link opens a page with one button (link scanners do not use it up)."""
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
            await viewer.deps.venue.json("POST", "/signup/verify", json={"token": fields.get("token", "")})
        except ApiProblem as problem:
            message = refusals.link_refusal(problem.status, problem.detail)
            used = message == refusals.LINK_USED  # used: the account is open already
            return page(
                viewer,
                "signin/sent.html",
                problem.status,
                message=message,
                follow_up="sign_in" if used else "sign_up",
            )
        return page(
            viewer,
            "signin/sent.html",
            message=N_("Your account is open. You can sign in now."),
            follow_up="sign_in",
        )

    @get("/password-reset")
    async def reset_form(self, viewer: NamedDependency[Viewer]) -> Template:
        return page(viewer, "signin/reset.html", values={}, errors={})

    @post("/password-reset")
    async def reset(self, request: Request[Any, Any, Any], viewer: NamedDependency[Viewer]) -> Response[Any]:
        """POST /password-resets: the same answer whether or not the address has an account."""
        fields = await form_fields(request)
        if "@" not in fields.get("email", ""):
            errors = {"email": N_("Enter your e-mail address, like name@example.org.")}
            return page(viewer, "signin/reset.html", 422, values=fields, errors=errors)
        try:
            await viewer.deps.venue.json("POST", "/password-resets", json={"email": fields["email"]})
        except ApiProblem:
            pass  # the same answer either way: no account enumeration
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
        token = fields.get("token", "")
        if not 10 <= len(fields.get("password", "")) <= 256:
            return page(
                viewer, "signin/new_password.html", 422, token=token, errors={"password": PASSWORD_RULE}
            )
        try:
            await viewer.deps.venue.json(
                "POST", "/password-resets/confirm", json={"token": token, "password": fields["password"]}
            )
        except ApiProblem as problem:
            if problem.status in (400, 422):
                errors = {
                    "password": N_("Choose another password: at least 10 characters and not a common one.")
                }
                return page(viewer, "signin/new_password.html", 422, token=token, errors=errors)
            message = (
                refusals.DISABLED
                if problem.status == 403
                else refusals.link_refusal(problem.status, problem.detail)
            )
            return page(viewer, "signin/sent.html", problem.status, message=message, follow_up="reset")
        return redirect("/sign-in", "password_changed")
