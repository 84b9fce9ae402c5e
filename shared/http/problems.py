"""The API's one error format: RFC 9457 problem details, made by litestar's problem-details support.

Every error any service answers is a ``ProblemDetailsException`` (``ApiError`` is ours) turned into
``application/problem+json`` by its ``to_response``: ``type`` (a page per kind of problem,
``problem_types.py``), ``title``, ``status``, ``detail``, and extension members at the top level:
``errors`` (every field at fault, all at once), ``trace_id``, and what a kind adds (``conflicts``).
``EXCEPTION_HANDLERS`` is what litestar's ``ProblemDetailsPlugin`` registers with our conversions, plus
the handlers that need the request (validation, outages, the unexpected).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import asyncpg
import msgspec
from litestar import MediaType, Request, Response
from litestar.config.app import AppConfig
from litestar.exceptions import HTTPException, ValidationException
from litestar.plugins.problem_details import (
    ProblemDetailsConfig,
    ProblemDetailsException,
    ProblemDetailsPlugin,
)
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR, HTTP_503_SERVICE_UNAVAILABLE

from shared.db.unit_of_work import DatabaseUnavailable
from shared.http.problem_types import title_for, type_for
from shared.http.validation import FieldError, request_errors
from shared.telemetry import trace_id_hex

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
_STANDARD = frozenset({"type", "title", "status", "detail", "instance"})


class Problem(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """The shape of every error body, for the OpenAPI document (extension members sit beside these)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    instance: str = ""
    errors: list[FieldError] = []
    trace_id: str = ""


def problem_document(
    status: int,
    title: str = "",
    detail: str = "",
    errors: list[FieldError] | None = None,
    type_: str | None = None,
    extensions: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """One problem as a JSON object: the standard members, then ``errors``, ``trace_id`` and extensions."""
    body: dict[str, Any] = {"type": type_ or type_for(status), "title": title or title_for(status)}
    body["status"] = status
    if detail and detail != body["title"]:
        body["detail"] = detail
    if errors:
        body["errors"] = [msgspec.to_builtins(error) for error in errors]
    if trace_id := trace_id_hex():
        body["trace_id"] = trace_id
    for name, value in (extensions or {}).items():
        if name not in _STANDARD and name not in body:
            body[name] = msgspec.to_builtins(value)
    return body


class ApiError(ProblemDetailsException):
    """An error the API answers deliberately: a status, a title, the fields at fault, extension members.

    ``ApiError(409, "Space taken", "…", conflicts=[…])``: keyword arguments become top-level members.
    """

    def __init__(
        self,
        status: int,
        title: str,
        detail: str = "",
        errors: list[FieldError] | None = None,
        *,
        type_: str | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(
            detail=detail or title,
            status_code=status,
            headers=headers,
            extra=dict(extensions),
            type_=type_ or type_for(status),
            title=title,
        )
        self.status = status
        self.errors = errors or []

    @property
    def extensions(self) -> dict[str, Any]:
        return dict(self.extra) if isinstance(self.extra, Mapping) else {}

    def document(self) -> dict[str, Any]:
        return problem_document(
            self.status, self.title or "", self.detail, self.errors, self.type_, self.extensions
        )

    def to_response(self, request: Request[Any, Any, Any] | None = None) -> Response[dict[str, Any]]:
        return Response(
            self.document(), status_code=self.status, media_type=PROBLEM_JSON, headers=self.headers
        )


def problem_json(status: int, title: str, detail: str = "", errors: list[FieldError] | None = None) -> bytes:
    """A problem's body for code that answers below litestar (ASGI middleware)."""
    return msgspec.json.encode(problem_document(status, title, detail, errors))


def on_api_error(request: Request[Any, Any, Any], error: ProblemDetailsException) -> Response[Any]:
    return error.to_response(request)


def _from_http_exception(error: HTTPException) -> ApiError:
    """Litestar's own refusals (404, 405, 413, 429 ...) in the same shape."""
    extensions = error.extra if isinstance(error.extra, Mapping) else {}
    title = title_for(error.status_code)
    detail = str(error.detail) if error.detail != title else ""
    return ApiError(error.status_code, title, detail, headers=error.headers, **extensions)


def on_validation_error(request: Request[Any, Any, Any], error: ValidationException) -> Response[Any]:
    """400 naming every field at fault (body fields, query parameters, headers), never the URL."""
    errors = request_errors(request, error)
    detail = "; ".join(f"{item.field}: {item.reason}" for item in errors)
    return ApiError(error.status_code, "Invalid request", detail, errors).to_response(request)


def on_unexpected_error(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    # the message may carry personal data from the request: log the type and the trace, not the text
    log.error(
        "unexpected error",
        exc_info=False,
        extra={"fields": {"error": type(error).__name__, "path": request.url.path, "method": request.method}},
    )
    return ApiError(
        HTTP_500_INTERNAL_SERVER_ERROR,
        "Internal error",
        "The request failed on our side; quote the trace id to the venue.",
    ).to_response(request)


def on_unavailable(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    """The database (or a dependency) is briefly away, e.g. restarting: 503, retry shortly; nothing was kept."""
    if isinstance(error, asyncpg.InterfaceError) and "closed" not in str(error):
        return on_unexpected_error(request, error)  # a misuse of the driver, not an outage
    log.warning(
        "dependency unavailable",
        extra={"fields": {"error": type(error).__name__, "path": request.url.path, "method": request.method}},
    )
    return ApiError(
        HTTP_503_SERVICE_UNAVAILABLE,
        "Service unavailable",
        "The service cannot reach its database right now; nothing was changed. Retry shortly.",
        headers={"Retry-After": "1"},
    ).to_response(request)


# connection lost or refused, server shutting down or starting up, a pool with no connection to give
UNAVAILABLE: tuple[type[Exception], ...] = (
    DatabaseUnavailable,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.InterfaceError,  # "connection is closed": a rollback on a connection the restart cut
    ConnectionError,
    TimeoutError,
)

PROBLEM_DETAILS = ProblemDetailsConfig(
    exception_handler=on_api_error,
    exception_to_problem_detail_map={HTTPException: _from_http_exception},
)


def _exception_handlers() -> dict[Any, Any]:
    """What ``ProblemDetailsPlugin(PROBLEM_DETAILS)`` registers, on top of the request-aware handlers."""
    config = AppConfig(
        exception_handlers={
            **dict.fromkeys(UNAVAILABLE, on_unavailable),
            ValidationException: on_validation_error,
            Exception: on_unexpected_error,
        }
    )
    return dict(ProblemDetailsPlugin(PROBLEM_DETAILS).on_app_init(config).exception_handlers)


EXCEPTION_HANDLERS: dict[Any, Any] = _exception_handlers()

__all__ = [
    "EXCEPTION_HANDLERS",
    "PROBLEM_JSON",
    "ApiError",
    "FieldError",
    "MediaType",
    "Problem",
    "problem_document",
    "problem_json",
]
