"""What clients see stays what it was unless a change means it to: the OpenAPI document of every
service and the JetStream topology (streams, subjects, durable consumers and their filters) match the
committed copies under docs/. The AsyncAPI documents have their own drift tests (shared/tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deploy.contracts.openapi import SERVICES

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_openapi_documents_and_topology_match_the_code():
    # a process of its own: building the apps sets process-wide tracing state
    checked = subprocess.run(
        [sys.executable, "-m", "deploy.contracts", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stderr


def test_every_service_has_a_committed_openapi_document():
    for service in SERVICES:
        assert (ROOT / "docs" / "openapi" / f"{service}.json").stat().st_size > 1000
