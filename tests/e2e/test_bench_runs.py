"""`make bench` itself, end to end at tiny sizes, so it cannot rot unnoticed: it starts its own stack,
runs every phase and writes JSON in which every figure is a number. No figure is judged here."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from deploy.embedded.process import REPO_ROOT
from tests.support import stack_folder

pytestmark = pytest.mark.e2e

TINY = {
    "warmup": 1,
    "sequential": 2,
    "throughput": 4,
    "concurrency": 2,
    "calendar": 20,
    "availability-requests": 5,
    "availability-concurrency": 2,
    "growth": 300,
    "baseline-messages": 100,
    "baseline-transactions": 40,
    "idle-seconds": 1,
    "mail-quiet-seconds": 1,
}
PROCESSES = ("venue", "interpreting", "catering", "notify", "postgres", "nats", "smtp", "stack total")
BOOKING_FIGURES = [
    "bookings_per_s",
    "sustained_bookings_per_s",
    "notices_drained_s",
    "mails_per_booking",
    "post_to_confirmed_ms.p50",
    "post_to_confirmed_ms.p95",
    "post_to_confirmed_ms.p99",
    "post_answered_ms.p50",
    "cpu_busy_share",
    "per_booking.sql_statements",
    "per_booking.transactions",
    "per_booking.round_trips",
    "per_booking.spans",
    "ratios.bookings_per_s_to_jetstream_acks_per_s",
    "ratios.bookings_per_s_to_postgres_commits_per_s",
    "ratios.p50_confirmed_in_jetstream_acks",
    "ratios.p50_confirmed_in_postgres_commits",
    *(f"cpu_ms_per_booking.{name}" for name in PROCESSES),
]
AVAILABILITY_FIGURES = ["latency_ms.p50", "requests_per_s", "cpu_ms_per_request.stack total"]
FIGURES = [
    "baselines.jetstream.sequential_per_s",
    "baselines.jetstream.in_flight_64_per_s",
    "baselines.postgres.single_connection_per_s",
    "baselines.postgres.pool_16_per_s",
    "idle.sql_statements_per_s",
    *(f"{phase}.{name}" for phase in ("sequential", "throughput") for name in BOOKING_FIGURES),
    *(f"growth.{phase}.{name}" for phase in ("sequential", "throughput") for name in BOOKING_FIGURES),
    *(f"availability.{name}" for name in AVAILABILITY_FIGURES),
    *(f"growth.availability.{name}" for name in AVAILABILITY_FIGURES),
    "growth.worst_to_empty",
    "growth.to_empty.throughput_bookings_per_s",
    "growth.to_empty.availability_p50",
    "memory.idle_start.total.pss",
    "memory.idle_after_load.total.pss",
]


def figure(document: dict, path: str) -> object:
    found: object = document
    for key in path.split("."):
        assert isinstance(found, dict) and key in found, f"{path}: no {key!r}"
        found = found[key]
    return found


def refuse_nan(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def run_tiny_bench() -> tuple[subprocess.CompletedProcess[str], str]:
    folder = stack_folder("bench-test", postgres=False)  # the bench makes its own stack
    output = folder / "bench.json"
    sizes = [arg for name, value in TINY.items() for arg in (f"--{name}", str(value))]
    try:
        done = subprocess.run(
            [sys.executable, "-m", "deploy.bench", *sizes, "--output", str(output)],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=240,
        )
        return done, output.read_text() if output.exists() else ""
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_bench_runs_every_phase_at_tiny_sizes_and_writes_every_figure():
    done, written = run_tiny_bench()
    assert done.returncode == 0, done.stderr[-3000:]
    assert "] sequential: 2/2 done" in done.stderr  # progress is shown
    assert "goals (issue 14):" in done.stdout
    document = json.loads(written, parse_constant=refuse_nan)
    median = document["median"]
    assert document["meta"]["sizes"]["throughput"] == 4 and len(document["runs"]) == 1
    missing = [path for path in FIGURES if not isinstance(figure(median, path), int | float)]
    assert not missing, f"figures without a number: {missing}"
    for phase in ("sequential", "throughput"):
        assert median[phase]["confirmed"] == median[phase]["bookings"], median[phase]
    assert median["growth"]["seeded_bookings"] == 300
    assert median["availability"]["calendar_bookings"] == 20 and median["availability"]["failures"] == 0
    assert {row["measure"] for row in document["goals"]} and all(
        row["value"] is not None for row in document["goals"]
    )
