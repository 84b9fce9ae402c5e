"""The error answers an operation documents in OpenAPI (each a problem+json, see shared.http.openapi_problems),
and request bodies that are files rather than JSON."""

from __future__ import annotations

from dataclasses import dataclass

from litestar.openapi import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, Operation, RequestBody, Schema
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType

from shared.http.problems import Problem


def refusals(**reasons: str) -> dict[int, ResponseSpec]:
    """``refusals(e404="…", e409="…")``: each status with what makes the API answer it."""
    return {
        int(status.removeprefix("e")): ResponseSpec(Problem, description=reason, generate_examples=False)
        for status, reason in reasons.items()
    }


def upload_of(description: str, *media_types: str) -> type[Operation]:
    """An OpenAPI operation whose request body is a file in one of ``media_types`` (read raw by the handler)."""

    @dataclass
    class Upload(Operation):
        def __post_init__(self) -> None:
            binary = Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)
            self.request_body = RequestBody(
                content={media: OpenAPIMediaType(schema=binary) for media in media_types},
                description=description,
                required=True,
            )

    return Upload
