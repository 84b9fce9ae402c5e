"""Fixtures every test suite shares: the real embedded infrastructure, started by the tests.

Each pytest session starts its own PostgreSQL, NATS (JetStream) and SMTP sink on free loopback ports
in a temporary folder, so two runs side by side never collide and nothing depends on `make run`.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator

import pytest

from deploy.embedded.stack import Stack, StackConfig
from tests.support import stack_folder


@pytest.fixture(scope="session")
def infra() -> Iterator[Stack]:
    """PostgreSQL, NATS with the provisioned streams, and the SMTP sink; no services."""
    folder = stack_folder("infra")
    stack = Stack(StackConfig.ephemeral(folder))
    try:
        stack.start_infrastructure()
        yield stack
    finally:
        stack.stop(discard=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def fresh_database(infra: Stack) -> Callable[[str], str]:
    """Create an empty database named after ``prefix`` and return its DSN."""

    def create(prefix: str) -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        infra.postgres.ensure_databases([name])
        return infra.postgres.dsn(name)

    return create
