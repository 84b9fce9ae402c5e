"""Web sign-in: sessions from a password or a one-time link, rotating refresh tokens, sign-out, and
password resets by e-mail. No credentials needed: these are how people get them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from litestar import Controller, Request, post
from litestar.status_codes import HTTP_201_CREATED, HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http import auth
from services.venue.entrypoints.http.account_answers import ACCOUNT_REFUSALS, session
from services.venue.entrypoints.schemas.sessions import (
    Accepted,
    PasswordResetConfirm,
    PasswordResetCreate,
    Session,
    SessionCreate,
    SessionRefresh,
    SessionRevoke,
    SignInLinkCreate,
    SignInLinkVerify,
)
from services.venue.handlers import password_resets, sessions
from shared.http.api_docs import PUBLIC
from shared.http.openapi_problems import problem_responses

LINK_REFUSED = {
    404: "no such link",
    410: "the link was already used, superseded by a newer one, or has expired",
}


def _client(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


class SessionsController(Controller):
    path = "/sessions"
    security = PUBLIC
    tags = ["sign-up and sign-in"]
    exception_handlers = ACCOUNT_REFUSALS

    @post(
        "/",
        operation_id="CreateSession",
        status_code=HTTP_201_CREATED,
        responses=problem_responses(
            {
                401: "the e-mail address or the password is wrong (one answer for both)",
                403: "the account is disabled, or its e-mail address not verified yet (the detail says which)",
                429: "too many failed sign-ins for this address or from this client: wait Retry-After seconds",
            }
        ),
    )
    async def sign_in(
        self, data: SessionCreate, request: Request[Any, Any, Any], deps: VenueDependencies
    ) -> Session:
        """Sign in with e-mail and password: a short access token and a refresh token."""
        issued = await sessions.sign_in(
            deps.accounts, data.email, data.password, _client(request), datetime.now(UTC)
        )
        return session(issued)

    @post("/link", operation_id="RequestSignInLink", status_code=HTTP_202_ACCEPTED)
    async def request_link(self, data: SignInLinkCreate, deps: VenueDependencies) -> Accepted:
        """E-mail a one-time sign-in link (15 minutes) if the address has an account; the same answer if not."""
        await sessions.request_sign_in_link(deps.accounts, data.email, datetime.now(UTC))
        return Accepted(status="link_sent")

    @post(
        "/link/verify",
        operation_id="SignInWithLink",
        status_code=HTTP_201_CREATED,
        responses=problem_responses({**LINK_REFUSED, 403: "the account is disabled"}),
    )
    async def verify_link(self, data: SignInLinkVerify, deps: VenueDependencies) -> Session:
        """Sign in with the e-mailed one-time link (it works once)."""
        return session(await sessions.sign_in_with_link(deps.accounts, data.token, datetime.now(UTC)))

    @post(
        "/refresh",
        operation_id="RefreshSession",
        status_code=HTTP_201_CREATED,
        responses=problem_responses(
            {
                401: "the refresh token is unknown, expired, or was used already (which ends its session)",
                403: "the account is disabled",
            }
        ),
    )
    async def refresh(self, data: SessionRefresh, deps: VenueDependencies) -> Session:
        """A new access token and a new refresh token; the one sent dies (a second use ends the session)."""
        return session(await sessions.refresh(deps.accounts, data.refresh_token, datetime.now(UTC)))

    @post("/revoke", operation_id="RevokeSession", status_code=HTTP_204_NO_CONTENT)
    async def revoke(self, data: SessionRevoke, deps: VenueDependencies) -> None:
        """Sign out: the session of this refresh token ends, with its access tokens."""
        ended = await sessions.sign_out(deps.accounts, data.refresh_token, datetime.now(UTC))
        if ended is not None:
            auth.forget(f"session:{ended}")


class PasswordResetsController(Controller):
    path = "/password-resets"
    security = PUBLIC
    tags = ["sign-up and sign-in"]
    exception_handlers = ACCOUNT_REFUSALS

    @post("/", operation_id="RequestPasswordReset", status_code=HTTP_202_ACCEPTED)
    async def request_reset(self, data: PasswordResetCreate, deps: VenueDependencies) -> Accepted:
        """E-mail a password reset link (1 hour) if the address has an account; the same answer if not."""
        await password_resets.request_reset(deps.accounts, data.email, datetime.now(UTC))
        return Accepted(status="reset_sent")

    @post(
        "/confirm",
        operation_id="ConfirmPasswordReset",
        status_code=HTTP_204_NO_CONTENT,
        responses=problem_responses(
            {**LINK_REFUSED, 403: "the account is disabled", 422: "the new password breaks the rule"}
        ),
    )
    async def confirm(self, data: PasswordResetConfirm, deps: VenueDependencies) -> None:
        """Set a new password with the e-mailed link; every session of the account ends."""
        account_id = await password_resets.confirm_reset(
            deps.accounts, data.token, data.password, datetime.now(UTC)
        )
        auth.forget(f"account:{account_id}")
