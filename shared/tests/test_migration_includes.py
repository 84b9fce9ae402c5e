"""A migration written once for several services (psql's ``\\ir``) is applied as each service's own file."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared.db.migrate import migration_sql, pending_files

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
VENDOR_TASK_STATES = ROOT / "shared" / "participant" / "migrations" / "vendor_task_states.sql"


@pytest.mark.parametrize("service", ["catering", "interpreting"])
def test_each_participant_applies_the_one_vendor_task_states_migration_as_its_own_004(service: str) -> None:
    folder = ROOT / "services" / service / "migrations"
    [(version, path)] = [found for found in pending_files(folder, {1, 2, 3}) if found[0] == 4]
    assert (version, path.name) == (4, "004_vendor_task_states.sql")  # what existing databases recorded
    sql = migration_sql(path)
    assert VENDOR_TASK_STATES.read_text() in sql
    assert not [line for line in sql.splitlines() if line.startswith("\\ir")]
    assert "ALTER TABLE vendor_tasks ADD COLUMN state text" in sql


def test_includes_are_relative_to_the_including_file_and_may_nest(tmp_path: Path) -> None:
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "inner.sql").write_text("SELECT 2;\n")
    (tmp_path / "sql" / "outer.sql").write_text("SELECT 1;\n\\ir inner.sql\n")
    (tmp_path / "001_top.sql").write_text("BEGIN;\n\\ir sql/outer.sql\nCOMMIT;\n")
    assert migration_sql(tmp_path / "001_top.sql") == "BEGIN;\nSELECT 1;\nSELECT 2;\n\nCOMMIT;\n"
