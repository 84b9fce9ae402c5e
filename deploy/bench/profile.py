"""A sampling profile of services during the throughput phase (py-spy, attached by process id: no
change to the services), summarised as where their busy samples are: by package, by function."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from deploy.bench.figures import Figures

_FRAME = re.compile(r"^(?P<function>.*) \((?P<path>[^()]*?)(?::\d+)?\)$")
_INCLUSIVE = {  # share of busy samples with a frame of this package anywhere in the stack
    "opentelemetry": ("opentelemetry",),
    "faststream and fast_depends": ("faststream", "fast_depends"),
    "asyncpg": ("asyncpg",),
    "litestar": ("litestar",),
    "email (MIME building)": ("email",),
    "sockets (asyncio selector send/recv)": ("asyncio/selector_events", "selectors"),
}


# busy samples by where they stop (self time), grouped; the first matching area wins
_AREAS = (
    ("tracing (OpenTelemetry, span store)", ("opentelemetry", "shared/span_store")),
    ("socket sends and receives (asyncio selector)", ("asyncio/selector_events", "selectors")),
    ("thread hand-offs (threading, queue: worker threads of anyio)", ("threading", "queue")),
    (
        "messaging framework (faststream, fast_depends, anyio, nats-py)",
        ("faststream", "fast_depends", "anyio", "nats"),
    ),
    ("PostgreSQL driver (asyncpg)", ("asyncpg",)),
    ("HTTP (litestar, granian)", ("litestar", "granian")),
    ("e-mail (MIME building, SMTP client)", ("email", "aiosmtplib", "smtplib")),
    ("event loop and tasks (asyncio)", ("asyncio",)),
    ("services and shared code", ("services", "shared")),
)
_THREAD_HOPS = "run_sync_in_worker_thread"  # anyio.to_thread: where fast_depends runs sync resolvers


def area_of(package: str) -> str:
    for area, prefixes in _AREAS:
        if any(package == prefix or package.startswith(prefix + "/") for prefix in prefixes):
            return area
    return "other (stdlib, msgspec, json, uuid, …)"


def py_spy() -> str | None:
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


@dataclass(frozen=True)
class ProfileRequest:
    folder: Path  # raw stacks and py-spy's log per service
    rate: int = 50  # samples per second


class Profiler:
    """py-spy record on each target process until `stop`; raw (collapsed) stacks into `folder`."""

    def __init__(self, targets: dict[str, int], folder: Path, rate: int = 100) -> None:
        self.targets, self.folder, self.rate = targets, folder, rate
        self._running: dict[str, subprocess.Popen[bytes]] = {}

    def start(self) -> bool:
        binary = py_spy()
        if binary is None:
            return False
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, pid in self.targets.items():
            argv = [binary, "record", "--pid", str(pid), "--rate", str(self.rate), "--nonblocking"]
            argv += ["--full-filenames", "--format", "raw", "--output", str(self.folder / f"{name}.txt")]
            log = (self.folder / f"{name}.log").open("wb")
            self._running[name] = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
        return True

    def stop(self) -> Figures:
        """Stop sampling (py-spy writes its file on SIGINT) and summarise each target."""
        for process in self._running.values():
            process.send_signal(signal.SIGINT)
        summaries: Figures = {}
        for name, process in self._running.items():
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
            stacks = self.folder / f"{name}.txt"
            summaries[name] = summarise(stacks.read_text()) if stacks.exists() else {"error": "no output"}
        return summaries


def package_of(frame: str) -> str:
    """'opentelemetry', 'asyncio/selector_events', 'services/venue', … for one py-spy frame (py-spy
    names files relative to their import root: 'faststream/…', 'asyncio/…', 'services/venue/…')."""
    match = _FRAME.match(frame)
    path = match.group("path") if match else frame
    path = re.split(r"site-packages/|/lib/python3\.\d+/", path)[-1]
    parts = [part for part in path.removesuffix(".py").split("/") if part]
    for index, part in enumerate(parts):
        if part in ("services", "shared", "deploy") and index + 1 < len(parts):
            return "/".join(parts[index : index + 2])
    if parts and parts[0] == "asyncio" and len(parts) > 1:
        return "/".join(parts[:2])
    return parts[0] if parts else "?"


def summarise(raw: str, top: int = 15) -> Figures:
    """Collapsed stacks ('frame;frame;… count' per line) -> shares of the busy samples."""
    total, own, by_function, inclusive, areas = (
        0,
        Counter[str](),
        Counter[str](),
        Counter[str](),
        Counter[str](),
    )
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count, frames = int(count_text), stack.split(";")
        total += count
        own[package_of(frames[-1])] += count
        areas[area_of(package_of(frames[-1]))] += count
        by_function[frames[-1]] += count
        packages = {package_of(frame) for frame in frames}
        if any(_THREAD_HOPS in frame for frame in frames):
            inclusive["worker-thread hops (anyio.to_thread)"] += count
        for label, prefixes in _INCLUSIVE.items():
            if any(
                package == prefix or package.startswith(prefix + "/")
                for prefix in prefixes
                for package in packages
            ):
                inclusive[label] += count
    share = (lambda n: n / total) if total else (lambda n: 0.0)
    return {
        "samples": total,
        "self_by_area": {name: share(n) for name, n in areas.most_common()},
        "self_by_package": {name: share(n) for name, n in own.most_common(top)},
        "self_by_function": {name: share(n) for name, n in by_function.most_common(top)},
        "inclusive": {label: share(n) for label, n in inclusive.items()},
    }
