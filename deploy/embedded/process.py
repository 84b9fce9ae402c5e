"""Child processes that die with their parent and append their output to a log file.

Each child asks the kernel (PR_SET_PDEATHSIG) for SIGKILL when the thread that started it ends, so a
launcher killed with SIGKILL leaves no orphan. Start children from a long-lived thread (the main one):
a child started from a worker thread dies when that thread ends.

Each child also gets its own process group, so that a Ctrl-C in the terminal reaches only the launcher,
which then stops the children in order (services drain before the databases go). Without it, the
terminal would interrupt every process at once.
"""

from __future__ import annotations

import ctypes
import functools
import os
import pwd
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import psutil

from deploy.embedded.liveness import kill_survivors
from deploy.embedded.ports import http_ok

REPO_ROOT = Path(__file__).resolve().parents[2]
_PR_SET_PDEATHSIG = 1
_libc = ctypes.CDLL(None, use_errno=True)


class StartupError(RuntimeError):
    """A child process exited or did not become ready in time; the message ends with its log tail."""


def log_tail(log_path: Path, lines: int = 30) -> str:
    """The last `lines` lines of a log file, or '' if there is none."""
    try:
        with log_path.open("rb") as log:
            log.seek(max(0, log_path.stat().st_size - 64 * 1024))
            text = log.read().decode(errors="replace")
    except FileNotFoundError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def _die_with_parent(parent_pid: int) -> None:
    # Runs in the child after the uid switch, which would otherwise clear the setting again.
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent died before the setting took effect


def _credentials(user: str | None) -> dict[str, Any]:
    if user is None:
        return {}
    entry = pwd.getpwnam(user)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


class ChildProcess:
    """One program run as our child, stopped with `stop_signal` and SIGKILLed if it does not exit."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        env: Mapping[str, str] | None,
        log_path: Path,
        cwd: Path | None = None,
        *,
        user: str | None = None,
        stop_signal: signal.Signals = signal.SIGTERM,
        stop_timeout: float = 10.0,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.env = dict(env) if env is not None else None
        self.log_path = log_path
        self.cwd = cwd
        self.user = user
        self.stop_signal = stop_signal
        self.stop_timeout = stop_timeout
        self._popen: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        """The process id while it runs, else None."""
        popen = self._popen
        return popen.pid if popen is not None and popen.poll() is None else None

    @property
    def is_running(self) -> bool:
        return self._popen is not None and self._popen.poll() is None

    @property
    def was_started(self) -> bool:
        return self._popen is not None

    @property
    def returncode(self) -> int | None:
        """The exit status once it has exited (negative: killed by that signal), else None."""
        return None if self._popen is None else self._popen.poll()

    def start(self) -> None:
        """Start the program; its stdout and stderr are appended to `log_path`."""
        if self.is_running:
            raise RuntimeError(f"{self.name} is already running (pid {self.pid})")
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self._popen = subprocess.Popen(
                self.argv,
                env=self.env,
                cwd=self.cwd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=functools.partial(_die_with_parent, os.getpid()),
                process_group=0,
                **_credentials(self.user),
            )

    def wait(self, timeout: float) -> int:
        """Wait for the process to exit and return its status; TimeoutExpired after `timeout` s."""
        if self._popen is None:
            raise RuntimeError(f"{self.name} was never started")
        return self._popen.wait(timeout)

    def wait_until(self, probe: Callable[[], bool], timeout: float, what: str) -> None:
        """Poll `probe` until it is true; StartupError if the process exits or `timeout` s pass."""
        deadline = time.monotonic() + timeout
        while not probe():
            if not self.is_running:
                raise self.startup_error(f"{self.name} exited with status {self.returncode}")
            if time.monotonic() > deadline:
                raise self.startup_error(f"{self.name}: no {what} after {timeout:.0f} s")
            time.sleep(0.05)

    def listens_on(self, port: int) -> bool:
        """True if this process or a child of it (not some other program) listens on TCP `port`."""
        for process in [*self._main(), *self._descendants()]:
            try:
                sockets = process.net_connections(kind="tcp")
            except psutil.Error:
                continue
            if any(s.status == psutil.CONN_LISTEN and s.laddr.port == port for s in sockets):
                return True
        return False

    def stop(self, timeout: float | None = None, stop_signal: int | None = None) -> int | None:
        """Send the stop signal (or ``stop_signal``), SIGKILL after `timeout` s (default `stop_timeout`);
        return the status."""
        if not self.is_running:
            return self.returncode
        family = self._descendants()
        self.send_signal(self.stop_signal if stop_signal is None else stop_signal)
        self.send_signal(signal.SIGCONT)  # a paused process could not act on the stop signal
        try:
            self.wait(self.stop_timeout if timeout is None else timeout)
        except subprocess.TimeoutExpired:
            self.send_signal(signal.SIGKILL)
            self.wait(10)
        kill_survivors(family, grace=2.0)
        return self.returncode

    def kill(self) -> None:
        """SIGKILL the process as a crash would, wait for it, and leave none of its children behind."""
        if not self.is_running:
            return
        family = self._descendants()
        self.send_signal(signal.SIGKILL)
        self.wait(10)
        kill_survivors(family, grace=5.0)

    def restart(self) -> None:
        """Stop, then start again."""
        self.stop()
        self.start()

    def pause(self) -> None:
        """SIGSTOP the process and its children: it keeps its sockets but answers nothing."""
        self._signal_family(signal.SIGSTOP)

    def resume(self) -> None:
        """SIGCONT after `pause()`."""
        self._signal_family(signal.SIGCONT)

    def send_signal(self, signum: int) -> None:
        """Send `signum` to the process if it still runs."""
        if self._popen is not None and self._popen.poll() is None:
            self._popen.send_signal(signum)

    def family_pids(self) -> set[int]:
        """The pids of the process and of all its descendants now (empty if it does not run)."""
        return {process.pid for process in [*self._main(), *self._descendants()]}

    def _signal_family(self, signum: int) -> None:
        for process in [*self._descendants(), *self._main()]:
            try:
                process.send_signal(signum)
            except psutil.NoSuchProcess:
                pass

    def _main(self) -> list[psutil.Process]:
        try:
            return [psutil.Process(self.pid)] if self.is_running else []
        except psutil.NoSuchProcess:
            return []

    def _descendants(self) -> list[psutil.Process]:
        try:
            return [child for main in self._main() for child in main.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def startup_error(self, headline: str) -> StartupError:
        """A StartupError saying `headline`, followed by the tail of this process's log."""
        return StartupError(f"{headline}; last lines of {self.log_path}:\n{log_tail(self.log_path)}")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} pid={self.pid} returncode={self.returncode}>"


class ManagedServer:
    """A server run as one child process: pid, stop, kill and restart work the same for each.

    Subclasses set ``_process`` (with its stop signal and timeout) and implement ``start``.
    """

    _process: ChildProcess

    @property
    def pid(self) -> int | None:
        return self._process.pid

    @property
    def process(self) -> ChildProcess:
        return self._process

    def start(self, timeout: float = 30.0) -> None:
        raise NotImplementedError

    def stop(self, timeout: float | None = None) -> None:
        """The server's own graceful stop, SIGKILL after ``timeout`` s (default: the process's own)."""
        self._process.stop(timeout)

    def kill(self) -> None:
        """SIGKILL, like a crash (for fault tests)."""
        self._process.kill()

    def restart(self) -> None:
        self.stop()
        self.start()


class ServiceProcess(ChildProcess):
    """One of our services, `python -m <module>` from the repository root, with an HTTP readiness probe."""

    def __init__(
        self, name: str, module: str, env: Mapping[str, str], http_port: int, log_path: Path
    ) -> None:
        python_path = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
        super().__init__(
            name,
            [sys.executable, "-m", module],
            {**env, "PYTHONPATH": python_path},
            log_path,
            cwd=REPO_ROOT,
            stop_signal=signal.SIGTERM,
            stop_timeout=15.0,  # services drain in-flight work on SIGTERM
        )
        self.module = module
        self.http_port = http_port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def health_url(self) -> str:
        return f"{self.base_url}/health/ready"

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Block until GET /health/ready answers 200; StartupError with the log tail otherwise."""
        self.wait_until(
            lambda: self.listens_on(self.http_port) and http_ok(self.health_url), timeout, "ready answer"
        )
