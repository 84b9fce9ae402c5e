"""The error answers an operation documents in OpenAPI (each a problem+json, see shared.http.openapi_problems)."""

from __future__ import annotations

from litestar.openapi import ResponseSpec

from shared.http.problems import Problem


def refusals(**reasons: str) -> dict[int, ResponseSpec]:
    """``refusals(e404="…", e409="…")``: each status with what makes the API answer it."""
    return {
        int(status.removeprefix("e")): ResponseSpec(Problem, description=reason, generate_examples=False)
        for status, reason in reasons.items()
    }
