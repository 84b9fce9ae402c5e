from __future__ import annotations

import os
from pathlib import Path

import asyncpg
import pytest

import deploy.embedded.postgres as embedded_postgres
from deploy.embedded import ChildProcess, PostgresServer, free_port, still_running

pytestmark = pytest.mark.integration


async def test_accepts_connections_to_the_databases_it_created(postgres: PostgresServer) -> None:
    postgres.ensure_databases(["venue", "notify"])
    postgres.ensure_databases(["venue"])

    connection = await asyncpg.connect(postgres.dsn("venue"))
    try:
        assert await connection.fetchval("SELECT current_database()") == "venue"
    finally:
        await connection.close()
    assert {"venue", "notify"} <= set(postgres.psql("SELECT datname FROM pg_database").split())


def test_keeps_data_across_a_restart(postgres: PostgresServer) -> None:
    postgres.psql("CREATE TABLE space (name text); INSERT INTO space VALUES ('Hall A')")

    postgres.restart()

    assert postgres.psql("SELECT name FROM space").strip() == "Hall A"


def test_starts_again_on_the_folder_of_a_killed_server(postgres: PostgresServer) -> None:
    postgres.psql("CREATE TABLE booth (number int); INSERT INTO booth VALUES (7)")

    postgres.kill()
    assert (postgres.pgdata / "postmaster.pid").exists()
    postgres.start()

    assert postgres.psql("SELECT number FROM booth").strip() == "7"
    assert "not properly shut down" in postgres.log_path.read_text()


def test_starts_despite_a_lock_whose_pid_was_reused(postgres: PostgresServer) -> None:
    postgres.stop()
    stranger = ChildProcess("sleep", ["sleep", "30"], None, postgres.data_dir / "sleep.log")
    stranger.user = postgres.system_user  # same user as postgres, or postgres would ignore the pid
    stranger.start()
    try:
        (postgres.pgdata / "postmaster.pid").write_text(f"{stranger.pid}\n{postgres.pgdata}\n")
        postgres.start()
    finally:
        stranger.kill()

    assert postgres.psql("SELECT 1").strip() == "1"


def test_stop_leaves_no_process_behind(postgres: PostgresServer) -> None:
    postgres.psql("SELECT 1")
    pids = postgres.process.family_pids()
    assert len(pids) > 3

    postgres.stop()

    assert postgres.pid is None
    assert still_running(pids) == set()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root hands the cluster to another user")
def test_starts_even_if_its_path_was_closed_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []

    def open_then_close(pgdata: Path, system_user: str) -> None:
        hand_over(pgdata, system_user)
        if not opened:
            tmp_path.chmod(0o700)  # as a pytest session starting next to ours does to its base folder
        opened.append(pgdata)

    hand_over = embedded_postgres._hand_over
    monkeypatch.setattr(embedded_postgres, "_hand_over", open_then_close)
    server = PostgresServer(tmp_path / "postgres", free_port())
    server.start()
    try:
        assert server.psql("SELECT 1").strip() == "1"
    finally:
        server.stop()
    assert len(opened) >= 2
    assert "Permission denied" in server.log_path.read_text()
