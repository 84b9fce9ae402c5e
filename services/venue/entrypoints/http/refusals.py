"""How the add-on use cases' refusals answer over HTTP: 404, 409, 422 problem details."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response

from services.venue.handlers.errors import Conflict, Invalid, NotFound
from shared.http.problems import ApiError, FieldError, Problem, on_api_error


def _not_found(request: Request[Any, Any, Any], error: NotFound) -> Response[Problem]:
    return on_api_error(request, ApiError(404, "Not found", str(error)))


def _conflict(request: Request[Any, Any, Any], error: Conflict) -> Response[Problem]:
    return on_api_error(request, ApiError(409, "Not possible in this state", str(error)))


def _invalid(request: Request[Any, Any, Any], error: Invalid) -> Response[Problem]:
    errors = [FieldError(v.field, v.reason) for v in error.violations]
    return on_api_error(request, ApiError(422, "The request breaks a venue rule", str(error), errors))


REFUSALS: dict[Any, Any] = {NotFound: _not_found, Conflict: _conflict, Invalid: _invalid}
