"""Helpers the test suites share."""

from __future__ import annotations

import atexit
import functools
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deploy.embedded import PostgresServer, ServiceProcess, Stack, free_port

APT_ENV = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}


def stack_folder(name: str, postgres: bool = True) -> Path:
    """A folder of its own, outside pytest's temp root: PostgreSQL runs as another user, and every new
    pytest run makes /tmp/pytest-of-<user> owner-only again, which would lock out a run in progress.

    With ``postgres``, ``postgres/pgdata`` (where a Stack's or a ``PostgresServer(folder / "postgres")``
    cluster lives) is already a copy of an empty cluster made once per run by ``PostgresServer`` itself
    (initdb, started, stopped cleanly), so each of the suite's stacks skips its own initdb: seconds each,
    about twenty stacks. The servers' own initdb stays tested (tests/stack starts clusters from nothing).
    """
    folder = Path(tempfile.mkdtemp(prefix=f"wict-{name}-"))
    if postgres:
        shutil.copytree(_empty_cluster(), folder / "postgres" / "pgdata", symlinks=True)
    return folder


def stop_discarded(stack: Stack) -> None:
    """Stop a test's stack whose folder is deleted next: its services all at once (each still drains
    and is killed only after its own timeout; one after the other they took seconds each), then
    ``stack.stop(discard=True)`` for the servers (and any service still running)."""
    services = [process for process in stack.processes().values() if isinstance(process, ServiceProcess)]
    with ThreadPoolExecutor(max_workers=max(1, len(services))) as pool:
        list(pool.map(ServiceProcess.stop, services))
    stack.stop(discard=True)


@functools.cache
def _empty_cluster() -> Path:
    """The pgdata of a cluster just made by initdb, started once and stopped cleanly; removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="wict-empty-cluster-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    server = PostgresServer(folder, free_port())
    server.start()
    server.stop()
    return server.pgdata


def ensure_debian_packages(wanted: Mapping[str, Path]) -> str | None:
    """Install with apt-get each Debian package (name -> a file it provides) whose file is missing: CI
    runs as root and reaches Debian's packages. None when every file is there, else why not (the
    caller skips with that reason; a test that needs them never passes without them)."""
    missing = [name for name, path in wanted.items() if not path.exists()]
    if not missing:
        return None
    if shutil.which("apt-get") is None:
        return f"{', '.join(missing)} missing and no apt-get to install them"
    install = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    done = subprocess.run(install, capture_output=True, text=True, env=APT_ENV, timeout=900)
    if done.returncode != 0:  # no package lists yet: fetch them once, then try again
        subprocess.run(["apt-get", "update"], capture_output=True, text=True, env=APT_ENV, timeout=600)
        done = subprocess.run(install, capture_output=True, text=True, env=APT_ENV, timeout=900)
    still = [name for name, path in wanted.items() if not path.exists()]
    if done.returncode != 0 or still:
        return f"{', '.join(still or missing)} could not be installed: {done.stderr.strip()[-300:]}"
    return None
