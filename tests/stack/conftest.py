"""Real PostgreSQL, NATS and SMTP sink servers, each test in its own folder on its own ports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.embedded import NatsServer, PostgresServer, SmtpSink, free_port


@pytest.fixture
def postgres(tmp_path: Path) -> Iterator[PostgresServer]:
    server = PostgresServer(tmp_path / "postgres", free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def nats_server(tmp_path: Path) -> Iterator[NatsServer]:
    server = NatsServer(tmp_path / "nats", free_port(), free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp_sink(tmp_path: Path) -> Iterator[SmtpSink]:
    sink = SmtpSink(tmp_path / "smtp", free_port())
    sink.start()
    yield sink
    sink.stop()
