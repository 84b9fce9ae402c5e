"""`python -m tools.shape`: the structure rules of docs/architecture.md that import-linter cannot see.

- a service's top level holds only its layers, its composition root and data files;
- no production module over 300 lines, no function over 60 lines;
- SQL only in adapters (any ``adapters`` package, and ``shared/db``) and in migrations;
- no project import inside a function of a service or of the shared kernel (an import there
  usually dodges a cycle: the shared type belongs one layer lower).

Tests (any ``tests`` folder, ``conftest.py``) are not production code and are not checked.
Prints one line per finding, ``path:line: rule``, and exits 1 if there is any.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("services", "shared", "deploy", "clients", "tools")
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
SERVICE_TOP_LEVEL = {
    "__init__.py",
    "__main__.py",
    "bootstrap.py",
    "domain",
    "handlers",
    "adapters",
    "entrypoints",
    "migrations",
    "tests",
    "templates",
    "README.md",
}
DATA_SUFFIXES = {".json", ".toml", ".yaml", ".csv", ".po", ".pot", ".mo"}
PROJECT_PACKAGES = ("services", "shared", "deploy", "clients")
IMPORTS_CHECKED = ("services", "shared")  # tools and clients may import lazily to start fast
SQL = re.compile(
    r"\b(SELECT\b[\s\S]+\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)|ALTER\s+TABLE|ON\s+CONFLICT|pg_advisory)",
)
SQL_ALLOWED = ("/adapters/", "/migrations/", "shared/db/")
SQL_CHECKED = ("services", "shared", "clients")


def production_modules() -> Iterator[Path]:
    for top in CHECKED:
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "tests" in relative.parts or path.name == "conftest.py" or ".venv" in relative.parts:
                continue
            yield path


def service_top_levels() -> Iterator[str]:
    for service in sorted((ROOT / "services").iterdir()):
        if not service.is_dir() or service.name.startswith(("_", ".")):
            continue
        for entry in sorted(service.iterdir()):
            if entry.name == "__pycache__" or entry.name in SERVICE_TOP_LEVEL:
                continue
            if entry.is_file() and entry.suffix in DATA_SUFFIXES:
                continue
            yield f"{entry.relative_to(ROOT)}: not a layer, the composition root or a data file"


def module_findings(path: Path) -> Iterator[str]:
    relative = path.relative_to(ROOT).as_posix()
    source = path.read_text()
    lines = source.count("\n")
    if lines > MAX_MODULE_LINES:
        yield f"{relative}:1: module of {lines} lines (at most {MAX_MODULE_LINES}): split it by use case"
    tree = ast.parse(source, filename=relative)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                yield (
                    f"{relative}:{node.lineno}: function {node.name} of {length} lines "
                    f"(at most {MAX_FUNCTION_LINES})"
                )
            if relative.startswith(IMPORTS_CHECKED):
                yield from _imports_inside(relative, node)
    if relative.startswith(SQL_CHECKED) and not any(part in f"/{relative}" for part in SQL_ALLOWED):
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                yield f"{relative}:{node.lineno}: SQL outside adapters and migrations"


def _imports_inside(relative: str, function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[str]:
    for node in ast.walk(function):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module] if node.level == 0 and node.module else ["(relative)"]
        else:
            continue
        for name in names:
            if name == "(relative)" or name.split(".", 1)[0] in PROJECT_PACKAGES:
                yield f"{relative}:{node.lineno}: import of {name} inside {function.name}()"


def findings() -> list[str]:
    found = list(service_top_levels())
    for path in production_modules():
        found += module_findings(path)
    return list(dict.fromkeys(found))  # nested functions are walked twice


def main() -> int:
    found = findings()
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} finding(s); the rules are in docs/architecture.md", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
