"""`python -m deploy.bench` (`make bench`): start a stack of its own, run the phases, print a summary
with the goals of issue 14 and write every figure as JSON. `--help` lists the options."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import platform
import subprocess
import sys
import time
from collections.abc import Coroutine, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from deploy.bench.baselines import jetstream_rates, postgres_rates
from deploy.bench.calendar_phases import availability_phase, growth_phase
from deploy.bench.driver import Driver, progress_line
from deploy.bench.figures import Figures, median_of_runs
from deploy.bench.observe import memory_mib
from deploy.bench.phases import Context, Sizes, booking_phase, measure_idle, warm_up
from deploy.bench.profile import Profiler, ProfileRequest
from deploy.bench.report import goals, summary, write_json
from deploy.bench.stack import BenchStack, start_stack
from deploy.embedded.client import data_dir
from deploy.embedded.process import REPO_ROOT

PHASES = ("sequential", "throughput", "availability", "growth", "memory")
QUICK = Sizes(sequential=30, throughput=200, growth=20_000, availability_requests=100)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m deploy.bench", description=__doc__)
    default = Sizes()
    parser.add_argument("--phases", default=",".join(PHASES), help=f"comma-separated subset of {PHASES}")
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a run of a few minutes)")
    for field in dataclasses.fields(Sizes):
        flag = "--" + field.name.replace("_", "-")
        parser.add_argument(flag, type=int, default=None, help=f"default {getattr(default, field.name)}")
    parser.add_argument("--runs", type=int, default=1, help="runs, each on a fresh stack; medians reported")
    parser.add_argument("--output", type=Path, default=None, help="JSON file (default: <data dir>/bench/)")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="py-spy on the four services during throughput and availability",
    )
    parser.add_argument("--profile-rate", type=int, default=50, help="py-spy samples per second")
    parser.add_argument("--keep", action="store_true", help="keep each run's stack folder (logs, spans)")
    arguments = parser.parse_args(argv)
    unknown = set(arguments.phases.split(",")) - set(PHASES)
    if unknown:
        parser.error(f"unknown phases: {', '.join(sorted(unknown))}")
    return arguments


def sizes_from(arguments: argparse.Namespace) -> Sizes:
    base = QUICK if arguments.quick else Sizes()
    chosen = {
        field.name: getattr(arguments, field.name)
        for field in dataclasses.fields(Sizes)
        if getattr(arguments, field.name) is not None
    }
    return dataclasses.replace(base, **chosen)


async def measure(
    bench: BenchStack, sizes: Sizes, phases: set[str], profile: ProfileRequest | None
) -> Figures:
    """One run's phases on a started stack."""
    figures: Figures = {}
    processes = bench.stack.processes()
    if "memory" in phases:
        await asyncio.sleep(sizes.idle_seconds)
        figures.setdefault("memory", {})["idle_start"] = memory_mib(processes)
    async with Driver(bench.venue_url, bench.nats_url, bench.organizer_key, sizes.concurrency + 8) as driver:
        context = Context(bench, driver, sizes, progress_line)
        await warm_up(context)
        progress_line("baselines: JetStream publish+ack, PostgreSQL commits")
        context.baselines = figures["baselines"] = {
            "jetstream": await jetstream_rates(bench.nats_url, sizes.baseline_messages),
            "postgres": await postgres_rates(bench.dsn(), sizes.baseline_transactions),
        }
        figures["idle"] = await measure_idle(context)
        if "sequential" in phases:
            figures["sequential"] = await booking_phase(context, "sequential", sizes.sequential, 1)
        if "throughput" in phases:
            figures["throughput"] = await _throughput(context, profile, figures)
        if "availability" in phases:
            figures["availability"] = await _profiled(
                context, profile, "availability", figures, availability_phase(context)
            )
        if "growth" in phases:
            figures["growth"] = await growth_phase(context, figures, phases)
    if "memory" in phases:
        await asyncio.sleep(sizes.idle_seconds)
        figures.setdefault("memory", {})["idle_after_load"] = memory_mib(processes)
    return figures


async def _throughput(context: Context, profile: ProfileRequest | None, figures: Figures) -> Figures:
    sizes = context.sizes
    phase = booking_phase(context, "throughput", sizes.throughput, sizes.concurrency)
    return await _profiled(context, profile, "throughput", figures, phase)


async def _profiled(
    context: Context,
    profile: ProfileRequest | None,
    phase: str,
    figures: Figures,
    running: Coroutine[Any, Any, Figures],
) -> Figures:
    """Run a phase under py-spy when asked: the throughput phase's summary under ``profile``, any
    other's under ``profile_<phase>`` (raw stacks in ``<folder>/<phase>/`` for the others)."""
    profiler = None
    if profile is not None:
        targets = {
            name: context.bench.stack.service(name).pid or 0
            for name in ("venue", "interpreting", "catering", "notify")
        }
        folder = profile.folder if phase == "throughput" else profile.folder / phase
        profiler = Profiler(targets, folder, profile.rate)
        if not profiler.start():
            progress_line("profile: py-spy not found, no profile")
            profiler = None
    try:
        return await running
    finally:
        if profiler is not None:
            key = "profile" if phase == "throughput" else f"profile_{phase}"
            figures[key] = await asyncio.to_thread(profiler.stop)


def run_once(sizes: Sizes, phases: set[str], profile: ProfileRequest | None, keep: bool) -> Figures:
    """Start a fresh stack (from this thread: its processes die with the thread that started them)."""
    started = time.monotonic()
    bench = start_stack(keep=keep)
    progress_line(f"stack started in {time.monotonic() - started:.0f} s in {bench.folder}")
    try:
        return asyncio.run(measure(bench, sizes, phases, profile))
    finally:
        bench.stop()


def meta(sizes: Sizes, phases: set[str], runs: int) -> Figures:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git("rev-parse", "HEAD"),
        "uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
        "cpus": os.cpu_count(),
        "load_average_at_start": list(os.getloadavg()),
        "python": platform.python_version(),
        "runs": runs,
        "phases": sorted(phases),
        "sizes": dataclasses.asdict(sizes),
    }


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse(argv)
    sizes, phases = sizes_from(arguments), set(arguments.phases.split(","))
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    output = arguments.output or data_dir() / "bench" / f"bench-{stamp}.json"
    profile = (
        ProfileRequest(output.with_suffix(".profile"), arguments.profile_rate) if arguments.profile else None
    )
    document: Figures = {"meta": meta(sizes, phases, arguments.runs), "runs": []}
    started = time.monotonic()
    for run in range(arguments.runs):
        progress_line(f"run {run + 1} of {arguments.runs}")
        folder = profile and dataclasses.replace(profile, folder=profile.folder / f"run-{run + 1}")
        document["runs"].append(run_once(sizes, phases, folder, arguments.keep))
    document["median"] = median_of_runs(document["runs"])
    document["goals"] = goals(document["median"])
    document["meta"]["seconds"] = time.monotonic() - started
    document["meta"]["load_average_at_end"] = list(os.getloadavg())  # > cpus: the machine was busy
    write_json(output, document)
    print(summary(document["median"]))
    print(f"({arguments.runs} run(s), {document['meta']['seconds']:.0f} s; figures in {output})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
