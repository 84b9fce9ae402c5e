"""`python -m clients.ops`: the ops view of the platform, from a terminal.

    sagas | stuck | overdue | health | failures | trace <booking>   the venue's HTTP ops API
                                                                    (WICT_VENUE_URL, WICT_OPS_API_KEY)
    dead-letters list | show | replay | discard                     straight over NATS (WICT_OPS_NATS_*)

Exit status (README.md, "Exit status of the command-line tools"): 0 done; 2 usage (no API key);
3 not authorized; 4 cannot ask (unreachable); 5 no such booking or dead letter; 6 refused (bad input,
state); 8 the answer shows a problem (health degraded, stuck sagas, overdue tasks, failed notices).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence

import nats

from clients.exit_status import ExitStatus
from clients.ops import dead_letters, venue_api
from shared.messaging.dead_letters import NoSuchDeadLetter

DEFAULT_URL = "nats://127.0.0.1:4222"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="python -m clients.ops",
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument(
        "--url", default=os.environ.get("WICT_OPS_NATS_URL", DEFAULT_URL), help="NATS URL (dead-letters)"
    )
    top.add_argument(
        "--venue-url",
        default=os.environ.get("WICT_VENUE_URL", venue_api.DEFAULT_VENUE_URL),
        help="the venue's HTTP API (every other command)",
    )
    areas = top.add_subparsers(dest="area", required=True)
    venue_api.add_commands(areas)
    dead_letters.add_commands(areas)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        if arguments.area == "dead-letters":
            return asyncio.run(dead_letters.run(arguments))
        return venue_api.run(arguments, os.environ)
    except venue_api.OpsError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.status
    except NoSuchDeadLetter as error:
        print(f"error: {error}", file=sys.stderr)
        return ExitStatus.NOT_FOUND
    except (OSError, nats.errors.Error) as error:
        print(f"error: NATS: {type(error).__name__}: {error}", file=sys.stderr)
        if isinstance(error, nats.errors.AuthorizationError):
            return ExitStatus.NOT_AUTHORIZED
        return ExitStatus.UNAVAILABLE
