"""The API's one error format (RFC 9457 problem details), with the field and reason of each error."""

from __future__ import annotations

import logging
from typing import Any

import asyncpg
import msgspec
from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, NotFoundException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR, HTTP_503_SERVICE_UNAVAILABLE

from shared.db.unit_of_work import DatabaseUnavailable
from shared.telemetry import trace_id_hex

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"


class FieldError(msgspec.Struct, frozen=True):
    field: str
    reason: str


class Problem(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    errors: list[FieldError] = []
    trace_id: str = ""
    extra: dict[str, Any] = {}


class ApiError(Exception):
    """An error the API answers deliberately: a status, a title and the fields at fault."""

    def __init__(
        self, status: int, title: str, detail: str = "", errors: list[FieldError] | None = None, **extra: Any
    ) -> None:
        super().__init__(detail or title)
        self.status, self.title, self.detail, self.errors, self.extra = (
            status,
            title,
            detail,
            errors or [],
            extra,
        )
        self.headers: dict[str, str] | None = None


def problem_response(problem: Problem, headers: dict[str, str] | None = None) -> Response[Problem]:
    return Response(problem, status_code=problem.status, media_type=PROBLEM_JSON, headers=headers)


def on_api_error(_: Request[Any, Any, Any], error: ApiError) -> Response[Problem]:
    return problem_response(
        Problem(
            title=error.title,
            status=error.status,
            detail=error.detail,
            errors=error.errors,
            trace_id=trace_id_hex(),
            extra=error.extra,
        ),
        headers=error.headers,
    )


def _field_errors(extra: Any) -> list[FieldError]:
    errors = []
    for item in extra if isinstance(extra, list) else []:
        if isinstance(item, dict):
            key = str(item.get("key") or item.get("source") or "body")
            errors.append(
                FieldError(field=key.removeprefix("$."), reason=str(item.get("message", "invalid")))
            )
    return errors


def on_validation_error(_: Request[Any, Any, Any], error: ValidationException) -> Response[Problem]:
    errors = _field_errors(error.extra) or [FieldError(field="body", reason=str(error.detail))]
    return problem_response(
        Problem(
            title="Invalid request",
            status=error.status_code,
            detail="; ".join(f"{item.field}: {item.reason}" for item in errors),
            errors=errors,
            trace_id=trace_id_hex(),
        )
    )


def on_http_error(_: Request[Any, Any, Any], error: HTTPException) -> Response[Problem]:
    return problem_response(
        Problem(title=str(error.detail), status=error.status_code, trace_id=trace_id_hex()),
        headers=error.headers,
    )


def on_unexpected_error(request: Request[Any, Any, Any], error: Exception) -> Response[Problem]:
    # the message may carry personal data from the request: log the type and the trace, not the text
    log.error(
        "unexpected error",
        exc_info=False,
        extra={"fields": {"error": type(error).__name__, "path": request.url.path, "method": request.method}},
    )
    return problem_response(
        Problem(
            title="Internal error",
            status=HTTP_500_INTERNAL_SERVER_ERROR,
            detail="The request failed on our side; quote the trace id to the venue.",
            trace_id=trace_id_hex(),
        )
    )


def on_unavailable(request: Request[Any, Any, Any], error: Exception) -> Response[Problem]:
    """The database (or a dependency) is briefly away, e.g. restarting: 503, retry shortly; nothing was kept."""
    if isinstance(error, asyncpg.InterfaceError) and "closed" not in str(error):
        return on_unexpected_error(request, error)  # a misuse of the driver, not an outage
    log.warning(
        "dependency unavailable",
        extra={"fields": {"error": type(error).__name__, "path": request.url.path, "method": request.method}},
    )
    return problem_response(
        Problem(
            title="Service unavailable",
            status=HTTP_503_SERVICE_UNAVAILABLE,
            detail="The service cannot reach its database right now; nothing was changed. Retry shortly.",
            trace_id=trace_id_hex(),
        ),
        headers={"Retry-After": "1"},
    )


# connection lost or refused, server shutting down or starting up, a pool with no connection to give
UNAVAILABLE: tuple[type[Exception], ...] = (
    DatabaseUnavailable,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.InterfaceError,  # "connection is closed": a rollback on a connection the restart cut
    ConnectionError,
    TimeoutError,
)

EXCEPTION_HANDLERS: dict[Any, Any] = {
    **dict.fromkeys(UNAVAILABLE, on_unavailable),
    ApiError: on_api_error,
    ValidationException: on_validation_error,
    NotFoundException: on_http_error,
    HTTPException: on_http_error,
    Exception: on_unexpected_error,
}

__all__ = ["EXCEPTION_HANDLERS", "PROBLEM_JSON", "ApiError", "FieldError", "MediaType", "Problem"]
