"""Loopback ports: pick free ones that no other run of ours is using, and probe them.

Binding to port 0 alone is not enough when two test sessions run side by side: the port is free again
as soon as the probe socket closes, so both could pick it before either server binds. Every port we
hand out is therefore also claimed in a shared folder, under a lock, until the process that got it dies.
"""

from __future__ import annotations

import fcntl
import functools
import os
import socket
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil

CLAIMS_DIR = Path(tempfile.gettempdir()) / f"wict-port-claims-{os.geteuid()}"
_ATTEMPTS = 200


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on `host` that is unused now and not handed to any other live process of ours."""
    with _claims_locked():
        _forget_dead_claims_once()
        for _ in range(_ATTEMPTS):
            port = _port_chosen_by_kernel(host)
            if _claim(port):
                return port
    raise RuntimeError(f"no free TCP port on {host} after {_ATTEMPTS} attempts")


def wait_for_port(host: str, port: int, timeout: float) -> None:
    """Block until something accepts TCP connections on host:port; TimeoutError after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not port_is_open(host, port):
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing listens on {host}:{port} after {timeout:.0f} s")
        time.sleep(0.05)


def port_is_open(host: str, port: int) -> bool:
    """True if a TCP connection to host:port succeeds now."""
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def http_ok(url: str) -> bool:
    """True if GET `url` answers 200 within a second."""
    try:
        return httpx.get(url, timeout=1.0).status_code == 200
    except httpx.HTTPError:
        return False


def _port_chosen_by_kernel(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def _claims_locked() -> Iterator[None]:
    CLAIMS_DIR.mkdir(exist_ok=True)
    with (CLAIMS_DIR / ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _claim(port: int) -> bool:
    claim = CLAIMS_DIR / str(port)
    if _owner_alive(claim):  # maybe us: we never hand out a port twice either
        return False
    claim.write_text(str(os.getpid()))
    return True


@functools.cache
def _forget_dead_claims_once() -> None:
    for claim in CLAIMS_DIR.iterdir():
        if claim.name.isdigit() and not _owner_alive(claim):
            claim.unlink(missing_ok=True)


def _owner_alive(claim: Path) -> bool:
    try:
        return psutil.pid_exists(int(claim.read_text()))
    except (OSError, ValueError):
        return False
