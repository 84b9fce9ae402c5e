"""`python -m deploy.embedded bench`: the benchmark moved to `deploy.bench` (`make bench`), which starts
a stack of its own instead of measuring the one `make run` started. Options go in BENCH_ARGS here
(`BENCH_ARGS="--quick" python -m deploy.embedded bench`); `python -m deploy.bench --help` lists them."""

from __future__ import annotations

import os
import shlex


def main_bench() -> int:
    from deploy.bench.cli import main

    return main(shlex.split(os.environ.get("BENCH_ARGS", "")))
