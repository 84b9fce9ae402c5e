"""`python -m deploy.embedded <command>`: run the platform on this machine, and tools around it."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

import httpx

from deploy.embedded.client import Endpoints
from deploy.embedded.process import REPO_ROOT, StartupError, log_tail
from deploy.embedded.stack import PLATFORM, Stack, StackConfig
from shared.logs import JsonFormatter

log = logging.getLogger("deploy.embedded")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, run the command and return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m deploy.embedded", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="start everything in the foreground until Ctrl-C")
    run_parser.add_argument(
        "--infrastructure-only", action="store_true", help="PostgreSQL, NATS and the SMTP sink, no services"
    )
    commands.add_parser("demo", help="book a sample forum against the running system and show the outcome")
    commands.add_parser("bench", help="bookings end to end against the running system, with raw baselines")
    trace_parser = commands.add_parser("trace", help="print a booking's trace as a waterfall")
    trace_parser.add_argument("booking_or_trace_id")
    commands.add_parser("provision", help="create or update the JetStream streams and consumers")
    asyncapi_parser = commands.add_parser(
        "asyncapi", help="write the AsyncAPI documents of the message contracts and of the vendor subjects"
    )
    asyncapi_parser.add_argument("--output", default=str(REPO_ROOT / "docs" / "asyncapi.json"))
    asyncapi_parser.add_argument(
        "--vendors-output", default=str(REPO_ROOT / "docs" / "asyncapi-vendors.json")
    )
    arguments = parser.parse_args(argv)
    _configure_logging()
    if arguments.command == "run":
        return run(StackConfig.from_env(), with_services=not arguments.infrastructure_only)
    if arguments.command == "demo":
        from deploy.embedded.demo import run_demo

        return run_demo()
    if arguments.command == "bench":
        from deploy.embedded.bench import main_bench

        return main_bench()
    if arguments.command == "trace":
        return print_trace(arguments.booking_or_trace_id, StackConfig.from_env())
    if arguments.command == "provision":
        from shared.messaging.streams import provision

        asyncio.run(provision(Endpoints.from_env().nats))
        return 0
    from deploy.contracts.asyncapi import render
    from deploy.contracts.asyncapi_vendors import render_vendors

    for output, text in ((arguments.output, render()), (arguments.vendors_output, render_vendors())):
        Path(output).write_text(text)
        print(f"wrote {output}")
    return 0


def print_trace(booking_or_trace_id: str, config: StackConfig) -> int:
    """The waterfall of a trace id, or of a booking's trace (looked up on the running venue service)."""
    from shared.span_store import read_trace, render_waterfall

    trace_id = booking_or_trace_id.replace("-", "")
    if len(booking_or_trace_id) == 36:  # a booking id
        response = httpx.get(f"{Endpoints.from_env().venue}/bookings/{booking_or_trace_id}", timeout=10)
        if response.status_code != 200:
            print(f"no booking {booking_or_trace_id}: {response.status_code}", file=sys.stderr)
            return 1
        trace_id = response.json()["trace_id"]
    print(render_waterfall(read_trace(config.data_dir / "spans", trace_id)), end="")
    return 0


def run(config: StackConfig, with_services: bool = True) -> int:
    """Start the stack, print where everything is, and stop it all on SIGINT/SIGTERM (status 0)
    or when one of its processes dies (status 1)."""
    stop_requested = threading.Event()
    signal.signal(signal.SIGTERM, _interrupt)  # during start-up, SIGTERM acts like Ctrl-C
    stack = Stack(config)
    try:
        stack.start_infrastructure()
        if with_services:
            stack.start_services(PLATFORM)
        _watch_for_signals(stop_requested)
        print(_table(stack.urls()), flush=True)
        return _wait(stack, stop_requested)
    except KeyboardInterrupt:
        log.info("event=stop_requested during=start")
        return 0
    except StartupError as error:
        log.error("event=start_failed error=%r", str(error).splitlines()[0])
        print(error, file=sys.stderr)
        return 1
    finally:
        _watch_for_signals(stop_requested)  # a second Ctrl-C must not interrupt the draining
        stack.stop()
        log.info("event=stopped_all")


def _wait(stack: Stack, stop_requested: threading.Event) -> int:
    while not stop_requested.wait(0.5):
        dead = stack.exited()
        for process in dead:
            log.error("event=process_exited component=%s status=%s", process.name, process.returncode)
            print(f"--- last lines of {process.log_path} ---\n{log_tail(process.log_path)}", file=sys.stderr)
        if dead:
            return 1
    return 0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _watch_for_signals(stop_requested: threading.Event) -> None:
    def request_stop(signum: int, frame: FrameType | None) -> None:
        log.info("event=stop_requested signal=%s", signal.Signals(signum).name)
        stop_requested.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)


def _table(urls: dict[str, str]) -> str:
    width = max(len(label) for label in urls)
    rows = [f"  {label.ljust(width)}  {where}" for label, where in urls.items()]
    rule = "-" * (width + 4 + max(len(where) for where in urls.values()))
    return "\n".join([rule, "  WICT is running. Ctrl-C stops everything.", rule, *rows, rule])


def _configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter("launcher"))  # the services' format: one JSON object per line
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per readiness poll otherwise
