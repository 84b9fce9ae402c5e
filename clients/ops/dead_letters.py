"""`dead-letters list|show|replay|discard` straight over NATS (not through the venue's HTTP API), so ops
can act on dead letters while the venue itself is down or is what keeps failing.

Connects as ``--url`` (or WICT_OPS_NATS_URL, default nats://127.0.0.1:4222), with WICT_OPS_NATS_USER /
WICT_OPS_NATS_PASSWORD when the URL carries no credentials: the ``ops`` user (or ``admin``). The URL is
never printed.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict
from typing import Any

import nats

from shared.config import nats_servers
from shared.messaging.dead_letters import DeadLetter, DeadLetters, Original


def add_commands(areas: Any) -> None:
    letters = areas.add_parser("dead-letters", help="messages a consumer gave up on (over NATS)")
    commands = letters.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="every dead letter, oldest first")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    show = commands.add_parser("show", help="one dead letter with its original's headers and payload")
    show.add_argument("id", type=letter_id)
    show.add_argument("--json", action="store_true")
    replay = commands.add_parser("replay", help="publish the original again (new message id), then drop it")
    replay.add_argument("ids", type=letter_id, nargs="+", metavar="id")
    discard = commands.add_parser("discard", help="drop the dead letter (the original stays in its stream)")
    discard.add_argument("ids", type=letter_id, nargs="+", metavar="id")


def letter_id(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("a dead letter id is a positive number (see `list`)")
    return value


async def run(arguments: argparse.Namespace) -> int:
    connection = await nats.connect(
        nats_servers(arguments.url),  # every cluster node
        connect_timeout=5,
        allow_reconnect=False,
        max_reconnect_attempts=1,  # else nats-py retries an unreachable server forever (0 means no limit)
        reconnect_time_wait=0.2,
        error_cb=_raised_anyway,  # else nats-py prints a traceback before the one-line error
        **_login(),
    )
    try:
        letters = DeadLetters(connection.jetstream())
        if arguments.command == "list":
            found = await letters.list()
            if arguments.json:
                print("\n".join(_json(letter) for letter in found))
            else:
                print("\n".join(_row(letter) for letter in found) or "no dead letters")
        elif arguments.command == "show":
            letter, original = await letters.show(arguments.id)
            print(_json(letter, original) if arguments.json else _detail(letter, original))
        elif arguments.command == "replay":
            for number in arguments.ids:
                replayed = await letters.replay(number)
                again = " (already replayed before: JetStream kept the first)" if replayed.duplicate else ""
                print(
                    f"replayed dead letter {number} as {replayed.stream} #{replayed.sequence}"
                    f" (message id {replayed.message_id}){again}"
                )
        else:
            for number in arguments.ids:
                await letters.discard(number)
                print(f"discarded dead letter {number}")
        return 0
    finally:
        await connection.close()


async def _raised_anyway(error: Exception) -> None:
    pass


def _login() -> dict[str, str]:
    user = os.environ.get("WICT_OPS_NATS_USER", "")
    return {"user": user, "password": os.environ.get("WICT_OPS_NATS_PASSWORD", "")} if user else {}


def _row(letter: DeadLetter) -> str:
    where = f"{letter.stream} #{letter.stream_seq} {letter.subject or '(original gone)'}"
    return (
        f"{letter.id:>6}  {letter.time:%Y-%m-%d %H:%M:%S}Z  {letter.kind:<14}  {where}  "
        f"consumer={letter.consumer} deliveries={letter.deliveries}  {letter.reason}"
    )


def _detail(letter: DeadLetter, original: Original | None) -> str:
    lines = [
        f"dead letter {letter.id}: {letter.kind} after {letter.deliveries} delivery(ies)",
        f"consumer:  {letter.consumer}",
        f"original:  {letter.stream} #{letter.stream_seq} {letter.subject}",
        f"time:      {letter.time.isoformat()}",
        f"reason:    {letter.reason}",
    ]
    if original is None:
        return "\n".join([*lines, "the original has aged out of its stream"])
    headers = [f"  {name}: {value}" for name, value in original.headers.items()]
    return "\n".join([*lines, "headers:", *headers, "payload:", original.payload_text])


def _json(letter: DeadLetter, original: Original | None = None) -> str:
    shown: dict[str, Any] = {**asdict(letter), "time": letter.time.isoformat()}
    if original is not None:
        shown |= {"headers": dict(original.headers), "payload": original.payload_text}
    return json.dumps(shown, ensure_ascii=False)
