"""The dependency sets and their two lock files: requirements-runtime.lock (the container image's) holds the
same versions as requirements.lock (what `make install` and the tests run), and it holds every third-party
package the image's code imports, none of which is an embedded-stack or development package.

The rule for "the image's code": what deploy/Dockerfile copies (shared/, services/, clients/ and
deploy/provision.py), minus the test modules inside them (a `tests` package or a conftest.py: they run
from requirements.lock, never in the image). deploy/embedded, deploy/bench and tests/ are the embedded
stack's and the tests' and may import anything requirements.lock holds.

No network and no import of the scanned code: the imports are read with ast, and each imported module is
mapped to the distribution that installed its files (the test environment has requirements.lock
installed, so every distribution is there to ask).
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = {"shared", "services", "clients", "deploy", "tests", "tools"}

pytestmark = pytest.mark.unit


def locked(name: str) -> dict[str, str]:
    """Distribution (canonical name) -> pinned version, from a uv lock file."""
    pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", (REPO / name).read_text(), re.MULTILINE)
    return {canonicalize_name(dist): version for dist, version in pins}


def declared() -> dict[str, set[str]]:
    """'runtime', 'embedded', 'dev' -> the distributions pyproject.toml names in that set."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    sets = {"runtime": project["dependencies"], **project["optional-dependencies"]}
    return {key: {canonicalize_name(Requirement(r).name) for r in reqs} for key, reqs in sets.items()}


def image_code() -> Iterator[Path]:
    """The Python files deploy/Dockerfile copies into the image, without the test modules among them."""
    copied = re.findall(r"^COPY (.+) \S+$", (REPO / "deploy" / "Dockerfile").read_text(), re.MULTILINE)
    for source in (REPO / s for line in copied for s in line.split()):
        for path in sorted(source.rglob("*.py")) if source.is_dir() else [source]:
            relative = path.relative_to(REPO)
            if path.suffix == ".py" and "tests" not in relative.parts and path.name != "conftest.py":
                yield path


def third_party_imports(path: Path) -> set[str]:
    """The absolute imports of a module (in functions too) that are neither the standard library nor ours."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # `from opentelemetry import trace` imports opentelemetry.trace (a name may be a submodule)
            modules |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {
        m
        for m in modules
        if m.split(".")[0] not in sys.stdlib_module_names | PROJECT_PACKAGES | {"__future__"}
    }


@cache
def top_level_distributions() -> dict[str, set[str]]:
    """Top-level module -> canonical names of the distributions installing it."""
    return {
        module: {canonicalize_name(d) for d in dists}
        for module, dists in importlib.metadata.packages_distributions().items()
    }


@cache
def files_by_distribution() -> dict[str, list[str]]:
    """Canonical distribution name -> the paths (relative to site-packages) of the files it installed."""
    return {
        canonicalize_name(dist.metadata["Name"]): [str(f) for f in dist.files or ()]
        for dist in importlib.metadata.distributions()
    }


def distributions_of(module: str) -> set[str]:
    """The distribution(s) whose files provide ``module``: packages_distributions() for the top level, and
    for a namespace package shared by several (opentelemetry) the one holding the dotted module's files."""
    candidates = top_level_distributions().get(module.split(".")[0], set())
    if len(candidates) <= 1:
        return candidates
    parts = module.split(".")
    while len(parts) > 1:
        prefix = "/".join(parts)
        owners = {
            dist
            for dist in candidates
            for file in files_by_distribution().get(dist, [])
            if file == f"{prefix}.py"
            or file.startswith(f"{prefix}/")
            or re.match(rf"{re.escape(prefix)}\.[^/]+\.so$", file)
        }
        if owners:
            return owners
        parts.pop()
    return candidates


def imported_distributions() -> dict[str, set[str]]:
    """Distribution -> the files of the image's code that import it."""
    users: dict[str, set[str]] = {}
    for path in image_code():
        for module in third_party_imports(path):
            dists = distributions_of(module)
            assert dists, (
                f"{path.relative_to(REPO)} imports {module}, which no installed distribution provides"
            )
            for dist in dists:
                users.setdefault(dist, set()).add(str(path.relative_to(REPO)))
    return users


def test_the_runtime_lock_pins_the_full_locks_versions():
    runtime, full = locked("requirements-runtime.lock"), locked("requirements.lock")
    assert runtime and len(runtime) < len(full)
    differing = {d: (v, full.get(d)) for d, v in runtime.items() if full.get(d) != v}
    assert not differing, f"runtime lock vs requirements.lock (run `make lock`): {differing}"


def test_every_declared_set_is_locked_where_it_belongs():
    runtime, full, sets = locked("requirements-runtime.lock"), locked("requirements.lock"), declared()
    assert sets["runtime"] <= set(runtime), "a runtime dependency missing from requirements-runtime.lock"
    assert sets["runtime"] | sets["embedded"] | sets["dev"] <= set(full)
    # the point of the split: the embedded servers, psutil and the dev tools stay out of the image (a dev
    # package may be there only as a runtime package's own dependency, e.g. pyyaml for litestar)
    assert not sets["embedded"] & set(runtime)
    for tool in ("pytest", "ruff", "mypy", "hypothesis", "schemathesis", "playwright", "py-spy"):
        assert tool in sets["dev"] and tool not in runtime, tool


def test_the_images_code_imports_only_declared_runtime_packages():
    runtime, sets = locked("requirements-runtime.lock"), declared()
    users = imported_distributions()
    assert {"litestar", "asyncpg", "msgspec"} <= set(users)  # the scan sees the services' imports
    not_in_image = {d: sorted(f) for d, f in users.items() if d not in runtime}
    assert not not_in_image, (
        f"imported by the image's code but not in requirements-runtime.lock: {not_in_image}"
    )
    # declared directly, not merely pulled in by another package; so never an embedded/dev-only package
    undeclared = {d: sorted(f) for d, f in users.items() if d not in sets["runtime"]}
    assert not undeclared, f"imported but not declared in pyproject.toml's dependencies: {undeclared}"
