"""Signing up by e-mail (no credentials needed): the account is active once the e-mailed link is used."""

from __future__ import annotations

from datetime import UTC, datetime

from litestar import Controller, post
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED

from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.account_answers import ACCOUNT_REFUSALS, account
from services.venue.entrypoints.schemas.accounts import Account
from services.venue.entrypoints.schemas.sessions import Accepted, SignupCreate, SignupVerify
from services.venue.handlers import signup
from shared.http.api_docs import PUBLIC
from shared.http.openapi_problems import problem_responses


class SignupController(Controller):
    path = "/signup"
    security = PUBLIC
    tags = ["sign-up and sign-in"]
    exception_handlers = ACCOUNT_REFUSALS

    @post(
        "/",
        operation_id="SignUp",
        status_code=HTTP_202_ACCEPTED,
        responses=problem_responses(
            {
                422: "a field breaks its rule (the password: 10–256 characters, not a common one), named in errors"
            }
        ),
    )
    async def sign_up(self, data: SignupCreate, deps: VenueDependencies) -> Accepted:
        """Open an organizer account: a verification link goes to the address (the same answer if it has one)."""
        request = signup.SignUp(
            email=data.email,
            password=data.password,
            name=data.name,
            locale=data.locale,
            time_zone=data.time_zone,
            organization=data.organization,
            phone=data.phone,
        )
        await signup.sign_up(deps.accounts, request, datetime.now(UTC))
        return Accepted(status="verification_sent")

    @post(
        "/verify",
        operation_id="VerifySignup",
        status_code=HTTP_200_OK,
        responses=problem_responses(
            {404: "no such link", 410: "the link was already used, superseded by a newer one, or has expired"}
        ),
    )
    async def verify(self, data: SignupVerify, deps: VenueDependencies) -> Account:
        """Use the e-mailed link: the account is active now (the link works once)."""
        return account(await signup.verify_sign_up(deps.accounts, data.token, datetime.now(UTC)))
