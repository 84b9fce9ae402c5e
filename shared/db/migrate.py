"""Numbered plain-SQL migrations (``NNN_name.sql``), applied in order on start, once.

An advisory lock makes concurrent starts of several instances safe: one applies, the others wait.
A migration may include SQL written once for several services with psql's ``\\ir <file>`` (include,
relative to the migration): it is applied, and recorded, as that service's own numbered migration.

Each applied migration's checksum (SHA-256 of its SQL, includes expanded) is recorded. On every start the
files of applied migrations are checked against it: an edited one stops the service with
``MigrationChanged`` naming the file (write a new migration instead). Migrations applied before checksums
were kept get theirs recorded on the first start that sees them.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import asyncpg

from shared.db.pool import reset_session

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
_LOCK_KEY = 0x57494354  # "WICT"
_INCLUDE = re.compile(r"^\\ir\s+(\S+)\s*$", re.MULTILINE)


def migration_files(folder: Path) -> dict[int, Path]:
    """Every numbered migration file of a folder by its version."""
    return {int(match.group(1)): path for path in folder.iterdir() if (match := _NAME.match(path.name))}


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


class MigrationChanged(RuntimeError):
    """A migration applied already was edited afterwards: the database is not what the files say."""


def checksum(sql: str) -> str:
    return hashlib.sha256(sql.encode()).hexdigest()


async def _verify_applied(connection: asyncpg.Connection, owner: str, folder: Path) -> set[int]:
    """The versions applied for ``owner``; raise if an applied file changed, record missing checksums."""
    rows = await connection.fetch(
        "SELECT version, name, checksum FROM schema_migrations WHERE owner = $1", owner
    )
    files = migration_files(folder)
    for row in rows:
        path = files.get(row["version"])
        if path is None:
            continue  # an old migration squashed away: nothing to compare
        found = checksum(migration_sql(path))
        if row["checksum"] is None:
            await connection.execute(
                "UPDATE schema_migrations SET checksum = $3 WHERE owner = $1 AND version = $2",
                owner,
                row["version"],
                found,
            )
        elif row["checksum"] != found:
            raise MigrationChanged(
                f"migration {owner}/{path.name} was changed after it was applied to this database "
                f"(recorded as {row['name']}, checksum {row['checksum'][:12]}…, the file now {found[:12]}…): "
                "restore the file and put the change in a new migration"
            )
    return {row["version"] for row in rows}


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
            await connection.execute("ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text")
            for owner, source in (("shared", SHARED_MIGRATIONS), (service, folder)):
                applied = await _verify_applied(connection, owner, source)
                for version, path in pending_files(source, applied):
                    sql = migration_sql(path)
                    async with connection.transaction():
                        await connection.execute(sql)
                        await connection.execute(
                            "INSERT INTO schema_migrations (owner, version, name, checksum)"
                            " VALUES ($1, $2, $3, $4)",
                            owner,
                            version,
                            path.name,
                            checksum(sql),
                        )
                    log.info("migration applied", extra={"fields": {"migration": f"{owner}/{path.name}"}})
                    done.append(f"{owner}/{path.name}")
        finally:
            await connection.execute("SELECT pg_advisory_unlock($1)", _LOCK_KEY)
            await reset_session(connection)  # a migration may SET, LISTEN or lock for the session
    return done
