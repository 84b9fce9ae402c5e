"""Whether processes still run, and making sure they stop.

Orphans stay zombies until init reaps them, which may take a while: they count as gone here, as they
hold nothing but a process-table entry (psutil.wait_procs would wait for the reaping).
"""

from __future__ import annotations

import time
from collections.abc import Iterable

import psutil


def still_running(pids: Iterable[int]) -> set[int]:
    """Those of `pids` that still run."""
    running = set()
    for pid in pids:
        try:
            if not _gone(psutil.Process(pid)):
                running.add(pid)
        except psutil.NoSuchProcess:
            pass
    return running


def wait_gone(processes: Iterable[psutil.Process], timeout: float) -> list[psutil.Process]:
    """Wait up to `timeout` s for `processes` to end; return those still running."""
    deadline, alive = time.monotonic() + timeout, list(processes)
    while alive := [process for process in alive if not _gone(process)]:
        if time.monotonic() > deadline:
            break
        time.sleep(0.02)
    return alive


def _gone(process: psutil.Process) -> bool:
    try:
        return not process.is_running() or process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def kill_survivors(processes: list[psutil.Process], grace: float) -> None:
    """Give `processes` `grace` s to end by themselves, then SIGKILL those that have not."""
    for process in wait_gone(processes, grace):
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    wait_gone(processes, 5.0)
