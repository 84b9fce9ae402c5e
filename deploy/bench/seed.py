"""Bookings written straight into the venue's database, as copies of bookings the platform made.

Templates are real bookings (one per space and slot on one day, booked through the API); each copy
is a template moved by whole days with a new id, in every venue table that belongs to a booking
(bookings, holds, saga steps, audit lines, quotes, vendor tasks: any table with a `booking_id`), so
the rows are what the platform itself would have written. Found from the catalog, not listed here,
so a new table of the venue is copied too. Foreign keys and triggers are off during the copy
(`session_replication_role = replica`); the exclusion constraints are not: a copy that overlapped
another booking would fail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import asyncpg

from deploy.bench.calendar import TEMPLATE_DAY

_COLUMNS = """
SELECT c.table_name, c.column_name, c.data_type, coalesce(c.column_default, '') AS column_default
FROM information_schema.columns c
JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
  AND (c.table_name = 'bookings' OR c.table_name IN (
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'booking_id'))
ORDER BY c.table_name = 'bookings' DESC, c.table_name, c.ordinal_position
"""
_UNIQUE = """
SELECT tbl.relname AS table_name, array_agg(a.attname::text) AS columns
FROM pg_index ix
JOIN pg_class tbl ON tbl.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = tbl.relnamespace AND n.nspname = 'public'
JOIN pg_attribute a ON a.attrelid = tbl.oid AND a.attnum = ANY (ix.indkey)
WHERE ix.indisunique
GROUP BY tbl.relname, ix.indexrelid
"""
_MAP = """
CREATE TEMP TABLE clone_map ON COMMIT DROP AS
SELECT template.id AS template_id, gen_random_uuid() AS new_id,
       make_interval(days => day.value - $3::int) AS shift
FROM unnest($2::int[]) WITH ORDINALITY AS day (value, n), unnest($1::uuid[]) AS template (id)
ORDER BY day.n, template.id
LIMIT $4
"""


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    default: str


def _expression(table: str, column: Column, unique_without_ref: set[str], ref: str) -> str | None:
    """The copy's value of `column` (None: leave it to its default, e.g. a bigserial)."""
    name, kind = f'o."{column.name}"', column.data_type
    if column.name == ref:
        return "m.new_id"
    if column.default.startswith("nextval("):
        return None
    if column.name in unique_without_ref:
        if kind == "uuid":
            return "gen_random_uuid()"
        if kind == "text":
            return f"{name} || ':' || m.new_id::text"
        raise ValueError(f"cannot make {table}.{column.name} ({kind}) unique in a copy")
    if kind.startswith("timestamp"):
        return f"{name} + m.shift"
    if kind == "date":
        return f"({name} + m.shift)::date"
    if kind == "tstzrange":
        bounds = (
            f"(CASE WHEN lower_inc({name}) THEN '[' ELSE '(' END"
            f" || CASE WHEN upper_inc({name}) THEN ']' ELSE ')' END)"
        )
        return f"tstzrange(lower({name}) + m.shift, upper({name}) + m.shift, {bounds})"
    return name


async def _copy_statements(connection: asyncpg.Connection) -> list[tuple[str, str, str]]:
    """(table, statement, why it cannot be copied) per table: a table whose rows cannot be made unique
    in a copy (a series' occurrence positions) gets a count instead, which must find no template's row."""
    columns: dict[str, list[Column]] = {}
    for row in await connection.fetch(_COLUMNS):
        columns.setdefault(row["table_name"], []).append(
            Column(row["column_name"], row["data_type"], row["column_default"])
        )
    unique: dict[str, list[set[str]]] = {}
    for row in await connection.fetch(_UNIQUE):
        unique.setdefault(row["table_name"], []).append(set(row["columns"]))
    statements = []
    for table, table_columns in columns.items():
        ref = "id" if table == "bookings" else "booking_id"
        fresh = {name for key in unique.get(table, []) if ref not in key for name in key}
        try:
            chosen = [(c.name, _expression(table, c, fresh, ref)) for c in table_columns]
        except ValueError as cannot:  # fine while no template has rows there (checked when copying)
            statements.append(
                (table, f'SELECT count(*) FROM "{table}" WHERE "{ref}" = ANY($1::uuid[])', str(cannot))
            )
            continue
        names = ", ".join(f'"{name}"' for name, value in chosen if value is not None)
        values = ", ".join(value for _, value in chosen if value is not None)
        statements.append(
            (
                table,
                f'INSERT INTO "{table}" ({names}) SELECT {values}'
                f' FROM "{table}" o JOIN clone_map m ON o."{ref}" = m.template_id',
                "",
            )
        )
    return statements


async def copy_bookings(
    dsn: str,
    template_ids: Sequence[str],
    days: Sequence[int],
    count: int,
    progress: Callable[[str], None],
) -> int:
    """Copy the templates (all on TEMPLATE_DAY) onto `days` in order until `count` bookings exist."""
    connection = await asyncpg.connect(dsn)
    try:
        statements = await _copy_statements(connection)
        async with connection.transaction():
            await connection.execute("SET LOCAL session_replication_role = replica")
            await connection.execute(_MAP, list(template_ids), list(days), TEMPLATE_DAY, count)
            copied = 0
            for table, statement, cannot in statements:
                if cannot:
                    if await connection.fetchval(statement, list(template_ids)):
                        raise ValueError(cannot)
                    continue
                rows = int((await connection.execute(statement)).rsplit(" ", 1)[-1])
                copied = rows if table == "bookings" else copied
                if rows:
                    progress(f"seed: {rows} rows into {table}")
        await connection.execute("ANALYZE")
    finally:
        await connection.close()
    return copied


def growth_days(future_days: range, per_day: int, count: int) -> list[int]:
    """The free future days first, then back in time from yesterday, until `count` bookings fit."""
    days = list(future_days)
    needed = -(-count // max(1, per_day))
    past = max(0, needed - len(days))
    return days[:needed] + [-offset for offset in range(1, past + 1)]
