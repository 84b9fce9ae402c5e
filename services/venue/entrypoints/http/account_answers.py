"""How the account endpoints answer: accounts and sessions as the API shows them, and each refusal of the
account use cases as a problem (429 with Retry-After, 410 for a used or expired link, ...)."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response

from services.venue.domain.profiles import Profile
from services.venue.entrypoints.schemas.accounts import Account
from services.venue.entrypoints.schemas.sessions import Session
from services.venue.handlers.account_refusals import (
    AccountInvalid,
    AccountNotUsable,
    LinkRefused,
    LinkUnknown,
    NotFound,
    SessionRefused,
    TooManyAttempts,
    WrongCredentials,
)
from services.venue.handlers.sessions import SessionIssued
from shared.http.problems import ApiError, FieldError, Problem, on_api_error

WRONG_CREDENTIALS = "the e-mail address or the password is wrong"


def account(profile: Profile) -> Account:
    return Account(
        account_id=profile.account_id,
        role=profile.role,
        name=profile.name,
        email=profile.email,
        locale=profile.locale,
        time_zone=profile.time_zone,
        organization=profile.organization,
        phone=profile.phone,
        elder_mode=profile.elder_mode,
        status=profile.status.value,
        created_at=profile.created_at,
    )


def session(issued: SessionIssued) -> Session:
    return Session(
        access_token=issued.access.token,
        token_type="Bearer",
        expires_in=int(issued.access_lifetime.total_seconds()),
        expires_at=issued.access.expires_at,
        refresh_token=issued.refresh_token,
        refresh_expires_at=issued.refresh_expires_at,
        account=account(issued.profile),
    )


def _unauthorized(detail: str) -> ApiError:
    error = ApiError(401, "Authentication required", detail)
    error.headers = {"WWW-Authenticate": 'Bearer realm="wict"'}
    return error


def _answer(request: Request[Any, Any, Any], error: Exception) -> Response[Problem]:
    return on_api_error(request, refusal(error))


def refusal(error: Exception) -> ApiError:
    """The problem answer of a refused account use case."""
    if isinstance(error, AccountInvalid):
        errors = [FieldError(field, reason) for field, reason in error.problems]
        return ApiError(422, "Not accepted", str(error), errors)
    if isinstance(error, LinkUnknown):
        return ApiError(
            404,
            "Unknown link",
            "this link is not one we sent: check it was copied whole",
            [FieldError("token", "unknown")],
        )
    if isinstance(error, LinkRefused):
        return ApiError(410, "This link can no longer be used", str(error), [FieldError("token", str(error))])
    if isinstance(error, WrongCredentials):
        return _unauthorized(WRONG_CREDENTIALS)
    if isinstance(error, TooManyAttempts):
        limited = ApiError(429, "Too many failed sign-ins", f"try again in {error.retry_after} seconds")
        limited.headers = {"Retry-After": str(error.retry_after)}
        return limited
    if isinstance(error, AccountNotUsable):
        return ApiError(403, "Account cannot sign in", str(error))
    if isinstance(error, SessionRefused):
        return _unauthorized(str(error))
    if isinstance(error, NotFound):
        return ApiError(404, "Not found", "no such account or key")
    raise error


ACCOUNT_REFUSALS: dict[Any, Any] = dict.fromkeys(
    (
        AccountInvalid,
        LinkUnknown,
        LinkRefused,
        WrongCredentials,
        TooManyAttempts,
        AccountNotUsable,
        SessionRefused,
        NotFound,
    ),
    _answer,
)
