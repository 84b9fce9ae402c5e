"""Scenario 11: schemathesis drives every operation of the venue API from its OpenAPI document.

Whatever it generates (valid bodies, broken ones, odd parameters), the API answers without a server error,
and every answer fits the schema the API publishes (content type and body). All operations are tried and
every failure is reported together.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

from deploy.embedded.stack import Stack
from tests.faults.conftest import size

pytestmark = pytest.mark.e2e

CHECKS = [checks.not_a_server_error, checks.response_schema_conformance, checks.content_type_conformance]


def _fuzz(operation: Any, base_url: str, headers: dict[str, str]) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=size(100, 15), deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def run(case: Any) -> None:
        case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)

    run()


def test_the_venue_api_never_fails_and_keeps_to_its_schema(stack: Stack):
    base_url = stack.service("venue").base_url
    schema = schemathesis.openapi.from_url(f"{base_url}/schema/openapi.json")
    headers = {"Authorization": f"Bearer {stack.credentials['staff']}"}
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        try:
            _fuzz(operation, base_url, headers)
        except (Exception, BaseExceptionGroup) as failure:  # collected, asserted below
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    assert operations > 30
    assert not failures, "\n\n".join(failures)
