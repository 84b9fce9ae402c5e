"""Fixtures every test suite shares: the real embedded infrastructure, started by the tests.

Each pytest session starts its own PostgreSQL, NATS (JetStream) and SMTP sink on free loopback ports
in a temporary folder, so two runs side by side never collide and nothing depends on `make run`.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from deploy.embedded.stack import Stack, StackConfig
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
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


def _drop_databases(infra: Stack, names: list[str]) -> None:
    """Drop a test's databases once it is done: an idle cluster full of them kept autovacuum visiting
    each (and vacuuming the 200,000-row ones) while the rest of the suite ran, and made the session's
    last teardown delete them all at once."""
    for name in names:
        infra.postgres.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def fresh_database(infra: Stack) -> Iterator[Callable[[str], str]]:
    """Create an empty database named after ``prefix`` and return its DSN; dropped after the test."""
    created: list[str] = []

    def create(prefix: str) -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        infra.postgres.ensure_databases([name])
        created.append(name)
        return infra.postgres.dsn(name)

    yield create
    _drop_databases(infra, created)


@pytest.fixture(scope="session")
def migration_templates(infra: Stack) -> dict[str, str]:
    """Per service, the template database migrated_database copies (filled on first use)."""
    return {}


@pytest.fixture
def migrated_database(
    infra: Stack, migration_templates: dict[str, str]
) -> Iterator[Callable[[str, Path], Awaitable[str]]]:
    """Create an empty database named after ``service`` with the shared migrations and ``service``'s own
    (from ``migrations``) applied, and return its DSN; dropped after the test.

    The migrations run once per session per service, into a template database nobody may connect to
    afterwards; each test's database is a copy of it (CREATE DATABASE ... TEMPLATE), not a replay of
    every migration per test. The callers still run apply_migrations on their copy (it finds each
    migration applied with an unchanged checksum); the migrations' own tests start from empty databases.
    """
    created: list[str] = []

    async def create(service: str, migrations: Path) -> str:
        template = migration_templates.get(service)
        if template is None:
            template = f"template_{service}_{uuid.uuid4().hex[:10]}"
            infra.postgres.ensure_databases([template])
            pool = await create_pool(infra.postgres.dsn(template), size=1)
            try:
                await apply_migrations(pool, service, migrations)
            finally:
                await pool.close()
            infra.postgres.psql(f'ALTER DATABASE "{template}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false')
            migration_templates[service] = template
        name = f"{service}_{uuid.uuid4().hex[:10]}"
        infra.postgres.psql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        created.append(name)
        return infra.postgres.dsn(name)

    yield create
    _drop_databases(infra, created)
