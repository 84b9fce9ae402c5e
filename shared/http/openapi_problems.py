"""The OpenAPI document says what the API really answers on errors: RFC 9457 problem details.

Litestar documents its validation errors as application/json; every error of ours is
application/problem+json (see problems.py). This rewrites the generated document once at start so
clients and schema checkers see the real media type and body, and a ``default`` response covers the
other error statuses (401, 403, 404, 409, 413, 422, 429).
"""

from __future__ import annotations

from litestar.openapi import ResponseSpec
from litestar.openapi.spec import OpenAPI, OpenAPIMediaType, OpenAPIResponse, Operation, Reference, Schema
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType

from shared.http.problems import PROBLEM_JSON, Problem

_FIELD_ERROR = Schema(
    type=OpenAPIType.OBJECT,
    required=["field", "reason"],
    properties={"field": Schema(type=OpenAPIType.STRING), "reason": Schema(type=OpenAPIType.STRING)},
)
PROBLEM_SCHEMA = Schema(
    type=OpenAPIType.OBJECT,
    required=["title", "status"],
    properties={
        "type": Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.URI_REFERENCE),
        "title": Schema(type=OpenAPIType.STRING),
        "status": Schema(type=OpenAPIType.INTEGER),
        "detail": Schema(type=OpenAPIType.STRING),
        "instance": Schema(type=OpenAPIType.STRING),
        "errors": Schema(type=OpenAPIType.ARRAY, items=_FIELD_ERROR),
        "trace_id": Schema(type=OpenAPIType.STRING),
    },
    additional_properties=True,
    description=(
        "RFC 9457 problem details. `type` is one of the kinds documented at /problems (or about:blank); "
        "`errors` names every field at fault and why; extension members (`trace_id`, `conflicts`, ...) "
        "sit at the top level"
    ),
)


def _problem_content() -> dict[str, OpenAPIMediaType]:
    return {PROBLEM_JSON: OpenAPIMediaType(schema=Reference(ref="#/components/schemas/Problem"))}


def _operations(openapi: OpenAPI) -> list[Operation]:
    found = []
    for path_item in (openapi.paths or {}).values():
        for method in ("get", "put", "post", "delete", "patch"):
            operation = getattr(path_item, method, None)
            if operation is not None:
                found.append(operation)
    return found


def document_problems(openapi: OpenAPI) -> None:
    """Error responses as problem+json, in place; safe to call twice."""
    openapi.components.schemas = {**(openapi.components.schemas or {}), "Problem": PROBLEM_SCHEMA}
    for operation in _operations(openapi):
        responses = operation.responses if operation.responses is not None else {}
        for status, response in responses.items():
            if status[:1] in "45" and isinstance(response, OpenAPIResponse):
                response.content = _problem_content()
        responses.setdefault(
            "default",
            OpenAPIResponse(description="An error, as RFC 9457 problem details", content=_problem_content()),
        )
        operation.responses = responses


def problem_responses(described: dict[int, str]) -> dict[int, ResponseSpec]:
    """An operation's error answers for its OpenAPI document: each status with what it means."""
    return {
        status: ResponseSpec(data_container=Problem, description=description, media_type=PROBLEM_JSON)
        for status, description in described.items()
    }
