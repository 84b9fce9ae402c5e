"""The command line: `python -m clients.vendor [connection options] <command> [options]`.

Connection and output options are accepted before or after the command.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from clients.vendor.lookup import STATES

DEFAULT_ZONE = "Asia/Shanghai"  # the venue's
DEFAULT_WAIT = 10.0
_TASK = "task id, or its booking id (the first 8 characters are enough)"

_EPILOG = (
    "Environment: WICT_VENDOR_NATS_URL, WICT_VENDOR_KIND, WICT_VENDOR_ID, WICT_VENDOR_USER, "
    "WICT_VENDOR_PASSWORD. Exit status: 0 done, 2 usage, 3 not authorized, 4 no responder (platform "
    "down), 5 unknown task, 6 answer refused, 7 answer not applied yet. See docs/vendors.md."
)


def _common() -> argparse.ArgumentParser:
    # SUPPRESS: an option given before the command is not overwritten by the sub-parser's default
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS, allow_abbrev=False)
    connection = common.add_argument_group("connection")
    connection.add_argument("--url", help="NATS URL (WICT_VENDOR_NATS_URL) [nats://127.0.0.1:4222]")
    connection.add_argument("--kind", help="interpreting or catering (WICT_VENDOR_KIND)")
    connection.add_argument("--vendor", help="your vendor id, e.g. caterer-cuntan-kitchen (WICT_VENDOR_ID)")
    connection.add_argument("--user", help="NATS user (WICT_VENDOR_USER) [vendor-<kind>-<vendor id>]")
    connection.add_argument(
        "--password-file", metavar="PATH", help="file holding the NATS password (else WICT_VENDOR_PASSWORD)"
    )
    connection.add_argument("--timeout", type=_positive, metavar="SECONDS", help="per request [5]")
    output = common.add_argument_group("output")
    output.add_argument("--json", action="store_true", help="machine-readable output")
    output.add_argument("--tz", metavar="ZONE", help=f"time zone of the times shown [{DEFAULT_ZONE}]")
    return common


def parser() -> argparse.ArgumentParser:
    common = _common()
    top = argparse.ArgumentParser(
        prog="python -m clients.vendor",
        description="Your tasks at the WICT venue: list, show, answer, watch.",
        epilog=_EPILOG,
        parents=[common],
        allow_abbrev=False,  # else `--password x` would pass as --password-file x, and be printed
    )
    commands = top.add_subparsers(dest="command", required=True, metavar="command")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], help=help_text, allow_abbrev=False)

    listing = command("list", "your tasks (open ones unless --all)")
    listing.add_argument("--state", action="append", choices=STATES, help="only this state (repeatable)")
    listing.add_argument("--all", action="store_true", default=False, help="closed tasks too")
    command("show", "one task in full").add_argument("task", help=_TASK)
    _answer_arguments(command("accept", "take the task"))
    decline = command("decline", "give the task back, with a reason")
    _answer_arguments(decline)
    decline.add_argument(
        "--reason", required=True, type=_text, help="why (the venue's staff and the organizer see it)"
    )
    _answer_arguments(command("done", "report the work done"))
    command("watch", "print task events as they arrive (Ctrl-C stops)")
    return top


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return parser().parse_args(argv)


def _answer_arguments(answer: argparse.ArgumentParser) -> None:
    answer.add_argument("task", help=_TASK)
    answer.add_argument(
        "--wait",
        type=_not_negative,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help=f"how long to wait for the platform to apply the answer; 0: do not wait [{DEFAULT_WAIT:g}]",
    )


def _positive(text: str) -> float:
    value = _not_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _not_negative(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _text(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return text.strip()
