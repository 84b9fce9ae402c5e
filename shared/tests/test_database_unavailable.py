"""A connection cut under a transaction or a read is ``DatabaseUnavailable`` (503), not an unexpected 500."""

import asyncpg
import pytest

from shared.db.pool import create_pool
from shared.db.unit_of_work import Database, DatabaseUnavailable

pytestmark = pytest.mark.integration


async def _cut(dsn: str, pid: int) -> None:
    admin = await asyncpg.connect(dsn)
    try:
        assert await admin.fetchval("SELECT pg_terminate_backend($1)", pid)
    finally:
        await admin.close()


async def test_a_transaction_whose_connection_is_cut_raises_database_unavailable_and_keeps_nothing(
    fresh_database,
):
    dsn = fresh_database("unavailable")
    pool = await create_pool(dsn, size=2)
    try:
        database = Database(pool)
        async with database.connection() as connection:
            await connection.execute("CREATE TABLE kept (n int)")
        with pytest.raises(DatabaseUnavailable):
            async with database.transaction() as unit:
                await unit.connection.execute("INSERT INTO kept VALUES (1)")
                await _cut(dsn, unit.connection.get_server_pid())
                await unit.connection.execute("INSERT INTO kept VALUES (2)")
        with pytest.raises(DatabaseUnavailable):
            async with database.connection() as connection:
                await _cut(dsn, connection.get_server_pid())
                await connection.fetchval("SELECT 1")
        async with database.connection() as connection:  # the pool replaces the dead connections
            assert await connection.fetchval("SELECT count(*) FROM kept") == 0
    finally:
        await pool.close()


async def test_an_ordinary_database_error_is_not_mistaken_for_an_outage(fresh_database):
    pool = await create_pool(fresh_database("unavailable"), size=1)
    try:
        with pytest.raises(asyncpg.UndefinedTableError):
            async with Database(pool).transaction() as unit:
                await unit.connection.execute("INSERT INTO missing VALUES (1)")
    finally:
        await pool.close()
