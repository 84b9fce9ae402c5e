"""Numbered plain-SQL migrations (``NNN_name.sql``), applied in order on start, once.

An advisory lock makes concurrent starts of several instances safe: one applies, the others wait.
A migration may include SQL written once for several services with psql's ``\\ir <file>`` (include,
relative to the migration): it is applied, and recorded, as that service's own numbered migration.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import asyncpg

from shared.db.pool import reset_session

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
_LOCK_KEY = 0x57494354  # "WICT"
_INCLUDE = re.compile(r"^\\ir\s+(\S+)\s*$", re.MULTILINE)


def pending_files(folder: Path, applied: set[int]) -> list[tuple[int, Path]]:
    found = []
    for path in sorted(folder.iterdir()):
        match = _NAME.match(path.name)
        if match and int(match.group(1)) not in applied:
            found.append((int(match.group(1)), path))
    return found


def migration_sql(path: Path) -> str:
    """The SQL of a migration file, each ``\\ir other.sql`` line replaced by that file's SQL."""
    return _INCLUDE.sub(lambda line: migration_sql(path.parent / line.group(1)), path.read_text())


SHARED_MIGRATIONS = Path(__file__).parent / "migrations"


async def apply_migrations(pool: asyncpg.Pool, service: str, folder: Path) -> list[str]:
    """Apply the shared migrations (outbox, inbox), then the service's; return the names applied now."""
    done: list[str] = []
    async with pool.acquire() as connection:
        await connection.execute("SELECT pg_advisory_lock($1)", _LOCK_KEY)
        try:
            await connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (owner text NOT NULL, version int NOT NULL,"
                " name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (owner, version))"
            )
            for owner, source in (("shared", SHARED_MIGRATIONS), (service, folder)):
                rows = await connection.fetch("SELECT version FROM schema_migrations WHERE owner = $1", owner)
                for version, path in pending_files(source, {row["version"] for row in rows}):
                    async with connection.transaction():
                        await connection.execute(migration_sql(path))
                        await connection.execute(
                            "INSERT INTO schema_migrations (owner, version, name) VALUES ($1, $2, $3)",
                            owner,
                            version,
                            path.name,
                        )
                    log.info("migration applied", extra={"fields": {"migration": f"{owner}/{path.name}"}})
                    done.append(f"{owner}/{path.name}")
        finally:
            await connection.execute("SELECT pg_advisory_unlock($1)", _LOCK_KEY)
            await reset_session(connection)  # a migration may SET, LISTEN or lock for the session
    return done
