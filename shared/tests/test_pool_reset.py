"""A pooled connection goes back to the pool without asyncpg's reset round trip, and still hands the
next user a clean session: what the skipped reset would undo (session advisory locks, cursors held past
their transaction, LISTEN, plain ``SET``) our code never leaves behind, and the migrations, which take a
session lock, reset their connection themselves."""

from __future__ import annotations

import re
from pathlib import Path

import asyncpg
import pytest

from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool

ROOT = Path(__file__).resolve().parents[2]

# statements that leave state in the session past their transaction (what asyncpg's reset undoes)
SESSION_STATE = re.compile(
    r"""["'(;]\s*SET\s+(?!LOCAL\b)(SESSION\s+)?[a-z_.]+\s*(=|TO\b)"""  # a statement that starts with SET
    r"|set_config\([^)]*,\s*false\s*\)"
    r"|pg_(try_)?advisory_(un)?lock(_shared)?\("
    r"""|["';]\s*LISTEN\b|add_listener\("""
    r"|WITH\s+HOLD"
    r"|CREATE\s+TEMP",
    re.IGNORECASE,
)
UPDATE_SET = re.compile(r"UPDATE\b", re.IGNORECASE)  # "... DO UPDATE" / "UPDATE t" then a line " SET x = ..."
# the migrations and the venue's LISTEN for revoked credentials reset their connection themselves
# (shared.db.pool.reset_session); the pool's module only explains the rule
RESETS_ITSELF = {
    ROOT / "shared" / "db" / "migrate.py",
    ROOT / "shared" / "db" / "pool.py",
    ROOT / "services" / "venue" / "adapters" / "credential_changes.py",
}


def session_state_statements() -> list[str]:
    found = []
    for folder in ("shared", "services"):
        for path in (ROOT / folder).rglob("*.py"):
            if "tests" in path.parts or path in RESETS_ITSELF:
                continue
            lines = path.read_text().splitlines()
            for number, line in enumerate(lines, 1):
                match = SESSION_STATE.search(line)
                if match and match.group(0).lstrip("\"'(; ").upper().startswith("SET"):
                    if UPDATE_SET.search(" ".join(lines[max(number - 3, 0) : number])):
                        continue  # the SET of an UPDATE written over two lines
                if match:
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


@pytest.mark.unit
def test_no_code_on_a_pooled_connection_leaves_session_state_behind() -> None:
    assert session_state_statements() == []


@pytest.mark.unit
def test_the_check_finds_what_it_looks_for() -> None:
    for statement in (
        '"SET statement_timeout = 5"',
        "'SET SESSION search_path TO x'",
        "SELECT set_config('x.y', '1', false)",
        "SELECT pg_advisory_lock(1)",
        '"LISTEN news"',
        "DECLARE c CURSOR WITH HOLD FOR",
        "CREATE TEMP TABLE t (n int)",
    ):
        assert SESSION_STATE.search(statement), statement
    for statement in (
        '"SET LOCAL statement_timeout = 5"',
        '"UPDATE t SET status = $1"',
        "pg_advisory_xact_lock(",
    ):
        assert not SESSION_STATE.search(statement), statement


async def clean_session(connection: asyncpg.Connection) -> dict[str, object]:
    return dict(
        await connection.fetchrow(
            "SELECT current_setting('statement_timeout') AS statement_timeout,"
            " current_setting('application_name') AS application_name,"
            " (SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory') AS locks,"
            " (SELECT count(*) FROM pg_cursors) AS cursors,"
            " (SELECT count(*) FROM pg_listening_channels()) AS channels,"
            " pg_backend_pid() AS pid"
        )
    )


@pytest.mark.integration
async def test_the_next_user_of_a_pooled_connection_gets_a_clean_session(fresh_database) -> None:
    pool = await create_pool(fresh_database("pool_reset"), size=1)
    try:
        async with pool.acquire() as connection:
            fresh = await clean_session(connection)
            async with connection.transaction():
                await connection.execute("SET LOCAL statement_timeout = '1234ms'")
                await connection.execute("SELECT pg_advisory_xact_lock(42)")
                await connection.execute("DECLARE open_cursor CURSOR FOR SELECT 1")
            await connection.execute("SELECT pg_advisory_xact_lock(43)")  # autocommit: its own transaction
        async with pool.acquire() as connection:  # left in a failed transaction: rolled back on release
            tx = connection.transaction()
            await tx.start()
            with pytest.raises(asyncpg.DivisionByZeroError):
                await connection.execute("SELECT 1 / 0")
        async with pool.acquire() as connection:
            assert not connection.is_in_transaction()
            assert await clean_session(connection) == fresh  # the same backend (pid), nothing left over
    finally:
        await pool.close()


@pytest.mark.integration
async def test_migrations_leave_no_session_state_on_the_pool(fresh_database, tmp_path: Path) -> None:
    (tmp_path / "001_session.sql").write_text(
        "SET statement_timeout = '1234ms';\nLISTEN migrations;\nCREATE TABLE migrated (n int);\n"
    )
    pool = await create_pool(fresh_database("pool_reset"), size=1)
    try:
        async with pool.acquire() as connection:
            fresh = await clean_session(connection)
        assert await apply_migrations(pool, "pool_reset", tmp_path) != []
        async with pool.acquire() as connection:
            assert await clean_session(connection) == fresh
    finally:
        await pool.close()
