"""An applied migration edited afterwards stops the start with a message naming it; untouched ones pass,
and a database from before checksums gets them recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared.db.migrate import MigrationChanged, apply_migrations, checksum, migration_sql
from shared.db.pool import create_pool

pytestmark = pytest.mark.integration


async def test_an_edited_applied_migration_stops_the_start_and_names_the_file(
    fresh_database, tmp_path: Path
) -> None:
    pool = await create_pool(fresh_database("checksums"), size=1)
    try:
        (tmp_path / "001_things.sql").write_text("CREATE TABLE things (n int);\n")
        assert await apply_migrations(pool, "svc", tmp_path) == [
            "shared/001_outbox_inbox.sql",
            "shared/002_idempotency.sql",
            "svc/001_things.sql",
        ]
        assert await apply_migrations(pool, "svc", tmp_path) == []  # unchanged: starts as before

        (tmp_path / "001_things.sql").write_text("CREATE TABLE things (n bigint);\n")
        with pytest.raises(MigrationChanged, match=r"svc/001_things\.sql was changed after it was applied"):
            await apply_migrations(pool, "svc", tmp_path)

        (tmp_path / "001_things.sql").write_text("CREATE TABLE things (n int);\n")
        (tmp_path / "002_more.sql").write_text("ALTER TABLE things ADD COLUMN m int;\n")
        assert await apply_migrations(pool, "svc", tmp_path) == ["svc/002_more.sql"]
    finally:
        await pool.close()


async def test_migrations_applied_before_checksums_get_theirs_recorded_then_are_checked(
    fresh_database, tmp_path: Path
) -> None:
    pool = await create_pool(fresh_database("checksums"), size=1)
    try:
        (tmp_path / "001_things.sql").write_text("CREATE TABLE things (n int);\n")
        await apply_migrations(pool, "svc", tmp_path)
        await pool.execute("UPDATE schema_migrations SET checksum = NULL")  # as an older release left it

        assert await apply_migrations(pool, "svc", tmp_path) == []

        recorded = await pool.fetchval(
            "SELECT checksum FROM schema_migrations WHERE owner = 'svc' AND version = 1"
        )
        assert recorded == checksum(migration_sql(tmp_path / "001_things.sql"))
        (tmp_path / "001_things.sql").write_text("CREATE TABLE things (n text);\n")
        with pytest.raises(MigrationChanged):
            await apply_migrations(pool, "svc", tmp_path)
    finally:
        await pool.close()
