"""`python -m clients.vendor`: parse, connect as the vendor, run the command, print, exit with its status."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from collections.abc import Mapping, Sequence
from typing import TextIO
from zoneinfo import ZoneInfo

from clients.exit_status import ExitStatus
from clients.vendor import commands, render
from clients.vendor.arguments import DEFAULT_ZONE, parse
from clients.vendor.errors import ClientError
from clients.vendor.session import VendorSession
from clients.vendor.settings import settings_from
from clients.vendor.watch import watch
from shared.contracts.tasks import VendorTaskMessage

INTERRUPTED = ExitStatus.INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse(argv)
    try:
        return asyncio.run(run(arguments, os.environ, sys.stdout, sys.stderr))
    except (KeyboardInterrupt, asyncio.CancelledError):
        # watch runs until interrupted: that is its normal end; any other command was cut short
        print("stopped", file=sys.stderr)
        return 0 if arguments.command == "watch" else INTERRUPTED


async def run(arguments: argparse.Namespace, environ: Mapping[str, str], out: TextIO, err: TextIO) -> int:
    """Run the parsed command; the exit status (errors are printed on ``err``, as JSON with --json)."""
    as_json = getattr(arguments, "json", False)
    try:
        settings = settings_from(arguments, environ)
        tz = render.zone(getattr(arguments, "tz", None) or DEFAULT_ZONE)
        session = await VendorSession.open(settings)
        try:
            await _command(arguments, session, tz, as_json, out, err)
        finally:
            await session.close()
    except ClientError as error:
        message = (
            render.as_json({"error": error.code, "message": str(error)}) if as_json else f"error: {error}"
        )
        print(message, file=err, flush=True)
        return error.exit_status
    return 0


async def _command(
    arguments: argparse.Namespace,
    session: VendorSession,
    tz: ZoneInfo,
    as_json: bool,
    out: TextIO,
    err: TextIO,
) -> None:
    def say(text: str) -> None:
        print(text, file=out, flush=True)

    if arguments.command == "list":
        found = await commands.list_tasks(session, arguments.state, arguments.all)
        closed = arguments.all or bool(arguments.state)
        say(render.as_json(found) if as_json else render.task_table(found, session.vendor, tz, closed))
    elif arguments.command == "show":
        view = await commands.show(session, arguments.task)
        say(render.as_json(view) if as_json else render.task_detail(view, tz))
    elif arguments.command == "watch":
        _stop_on_sigterm()
        if not as_json:
            say(f"Watching the tasks of {session.vendor.vendor_id} ({session.vendor.kind}); Ctrl-C stops.")

        def show(event: str, message: VendorTaskMessage) -> None:
            say(render.event_json(event, message) if as_json else render.event_text(event, message, tz))

        await watch(session, show, lambda text: print(f"warning: {text}", file=err, flush=True))
    else:
        result = await commands.answer(
            session, arguments.task, arguments.command, getattr(arguments, "reason", ""), arguments.wait
        )
        say(render.as_json(result) if as_json else render.answer_text(result))


def _stop_on_sigterm() -> None:
    """SIGTERM ends `watch` like Ctrl-C does: the running pull is cancelled and the connection closed."""
    task = asyncio.current_task()
    if task is not None:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
