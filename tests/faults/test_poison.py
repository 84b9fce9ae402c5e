"""Scenario 8: poison messages. A command that cannot be decoded, and one whose handler fails every time,
each stop after at most ``max_deliver`` deliveries, show up as dead letters, and the sagas they belonged to
end compensated (long before their deadline); the consumer goes on with the next messages; ops replay and
discard dead letters with `python -m clients.ops`.

The poison is injected from outside: with interpreting stopped, two bookings' reserve commands are taken
out of the stream and replaced by a malformed copy (``attendees`` is text) and an impossible one (10¹²
attendees: no database column holds it, so the handler fails on every delivery).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import nats
import pytest
from nats.js import JetStreamContext

from clients.exit_status import ExitStatus
from deploy.embedded.process import REPO_ROOT
from deploy.embedded.stack import Stack, StackConfig
from services.venue.domain.dead_letters import organizer_reason
from shared.messaging.dead_letters import REPLAY_OF, DeadLetter, DeadLetters
from shared.tests.jetstream import eventually
from tests.e2e.conftest import booking_body, next_day, wait_for_outcome, wait_until
from tests.faults.crash import count
from tests.support import stack_folder, stop_discarded

pytestmark = pytest.mark.e2e

MAX_DELIVER = 4  # provisioned: 10, with back-off up to 30 s between tries; 4 keeps the module in seconds
COMMANDS = ("INTERPRETING", "interpreting-commands")
IMPOSSIBLE_ATTENDEES = 10**12
MARKER = f"poison-marker-{uuid.uuid4().hex}"  # in both poisoned payloads: must show in no log


class PatientStack(Stack):
    """A venue whose saga steps wait 10 minutes: whatever ends these sagas, it is not their deadline."""

    def service_env(self, name: str) -> dict[str, str]:
        env = super().service_env(name)
        return {**env, "WICT_STEP_TIMEOUT_SECONDS": "600"} if name == "venue" else env


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    """This module's own stack: a patient venue, and commands given up after ``MAX_DELIVER`` tries."""
    folder = stack_folder("poison")
    stack = PatientStack(StackConfig.ephemeral(folder))
    try:
        stack.start_infrastructure()
        _on_nats(stack, _set_max_deliver)
        stack.start_services()
        yield stack
    finally:
        stop_discarded(stack)
        shutil.rmtree(folder, ignore_errors=True)


def _on_nats(stack: Stack, work: Any) -> Any:
    async def run() -> Any:
        connection = await nats.connect(stack.nats.url)
        try:
            return await work(connection.jetstream())
        finally:
            await connection.close()

    return asyncio.run(run())


async def _set_max_deliver(js: JetStreamContext) -> None:
    stream, durable = COMMANDS
    config = (await js.consumer_info(stream, durable)).config
    config.max_deliver = MAX_DELIVER
    await js.add_consumer(stream, config)


def _interpreting_body() -> dict[str, Any]:
    return booking_body(
        next_day(),
        space_id="room-a",
        layout="theater",
        attendees=90,
        interpreting={"floor_language": "en", "target_languages": ["zh"]},
    )


class Poisoned:
    """The two bookings whose reserve commands were poisoned, and where the poison sits in the stream."""

    def __init__(self, malformed: str, failing: str, sequences: list[int], failing_message_id: str):
        self.malformed, self.failing = malformed, failing
        self.malformed_seq, self.failing_seq = sequences
        self.failing_message_id = failing_message_id


async def _poison(js: JetStreamContext, malformed: str, failing: str) -> list[int]:
    """Replace both bookings' reserve commands in the stream by poisoned copies; their sequences."""
    stream, _ = COMMANDS
    originals: dict[str, tuple[int, dict[str, str], dict[str, Any]]] = {}

    async def both_published() -> bool:
        info = await js.stream_info(stream)
        for sequence in range(info.state.first_seq, info.state.last_seq + 1):
            try:
                stored = await js.get_msg(stream, sequence)
            except nats.js.errors.NotFoundError:
                continue
            body = json.loads(stored.data or b"{}")
            if stored.subject == "interpreting.cmd.reserve" and body.get("booking_id") in (
                malformed,
                failing,
            ):
                originals[body["booking_id"]] = (sequence, dict(stored.headers or {}), body)
        return len(originals) == 2

    await eventually(both_published)  # the venue's outbox relay publishes them right after the POST
    sequences = []
    for booking_id, attendees in ((malformed, "ninety"), (failing, IMPOSSIBLE_ATTENDEES)):
        sequence, headers, body = originals[booking_id]
        await js.delete_msg(stream, sequence)
        poisoned = {**body, "attendees": attendees, "note": MARKER}
        headers = {**headers, "Nats-Msg-Id": f"{headers['Nats-Msg-Id']}-poisoned"}
        ack = await js.publish("interpreting.cmd.reserve", json.dumps(poisoned).encode(), headers=headers)
        sequences.append(ack.seq)
    return sequences


def _dead_letters(stack: Stack) -> list[DeadLetter]:
    async def read(js: JetStreamContext) -> list[DeadLetter]:
        return await DeadLetters(js).list()

    result: list[DeadLetter] = _on_nats(stack, read)
    return result


def _letter_of(stack: Stack, stream_seq: int) -> DeadLetter | None:
    stream, durable = COMMANDS
    return next(
        (
            d
            for d in _dead_letters(stack)
            if (d.stream, d.consumer, d.stream_seq) == (stream, durable, stream_seq)
        ),
        None,
    )


@pytest.fixture(scope="module")
def poisoned(stack: Stack, organizer) -> Poisoned:
    interpreting = stack.service("interpreting")
    interpreting.stop()
    malformed, failing = (
        organizer.post("/bookings", json=_interpreting_body()).raise_for_status().json()["booking_id"]
        for _ in range(2)
    )
    sequences = _on_nats(stack, lambda js: _poison(js, malformed, failing))
    interpreting.start()
    interpreting.wait_ready()
    wait_until(lambda: all(_letter_of(stack, sequence) for sequence in sequences), timeout=60)
    failing_message_id = _stored_body(stack, sequences[1])["message_id"]
    return Poisoned(malformed, failing, sequences, failing_message_id)


def _stored_body(stack: Stack, sequence: int) -> dict[str, Any]:
    async def read(js: JetStreamContext) -> dict[str, Any]:
        return dict(json.loads((await js.get_msg(COMMANDS[0], sequence)).data or b"{}"))

    result: dict[str, Any] = _on_nats(stack, read)
    return result


def _failed_deliveries(stack: Stack, message_id: str) -> int:
    """How often interpreting's consumer logged a failed delivery of ``message_id`` (the handler's side)."""
    lines = (stack.logs_dir / "interpreting.log").read_text(errors="replace").splitlines()
    records = [json.loads(line) for line in lines if line.startswith("{")]
    return sum(r.get("message_id") == message_id and "redelivering" in r.get("msg", "") for r in records)


def test_a_malformed_and_an_always_failing_command_stop_after_at_most_max_deliver_deliveries(
    stack: Stack, poisoned: Poisoned
):
    malformed = _letter_of(stack, poisoned.malformed_seq)
    failing = _letter_of(stack, poisoned.failing_seq)
    assert malformed is not None and failing is not None
    assert (malformed.kind, malformed.deliveries) == ("terminated", 1)  # decoding cannot get better
    assert malformed.reason.startswith("undecodable:") and "attendees" in malformed.reason
    assert (failing.kind, failing.deliveries) == ("max deliveries", MAX_DELIVER)
    assert failing.subject == malformed.subject == "interpreting.cmd.reserve"
    assert _failed_deliveries(stack, poisoned.failing_message_id) == MAX_DELIVER  # as the handler saw it


def test_the_sagas_whose_commands_were_poisoned_end_compensated(stack: Stack, organizer, poisoned: Poisoned):
    for booking_id in (poisoned.malformed, poisoned.failing):
        booking = wait_for_outcome(organizer, booking_id, timeout=60)
        assert booking["status"] == "rejected"
        assert booking["reason"] == organizer_reason("interpreting")  # not the deadline's reason
        where = f"booking_id = '{booking_id}'"
        wait_until(
            lambda where=where: count(
                stack, "interpreting", f"SELECT count(*) FROM reservations WHERE {where}"
            )
        )
        assert count(stack, "venue", f"SELECT count(*) FROM space_holds WHERE {where}") == 0
        assert count(stack, "interpreting", f"SELECT count(*) FROM booth_holds WHERE {where}") == 0
        assert count(stack, "interpreting", f"SELECT count(*) FROM assignments WHERE {where}") == 0
        held = f"SELECT count(*) FROM reservations WHERE {where} AND status IN ('held', 'confirmed')"
        assert count(stack, "interpreting", held) == 0


def test_the_consumer_goes_on_with_the_next_messages(organizer, poisoned: Poisoned):
    booking_id = (
        organizer.post("/bookings", json=_interpreting_body()).raise_for_status().json()["booking_id"]
    )
    assert wait_for_outcome(organizer, booking_id, timeout=60)["status"] == "confirmed"


def _ops(stack: Stack, *arguments: str) -> str:
    """`python -m clients.ops dead-letters ...` as ops run it: the admin login from the environment."""
    admin = stack.nats.login("admin")
    login = {
        "WICT_OPS_NATS_URL": admin.url,
        "WICT_OPS_NATS_USER": admin.user,
        "WICT_OPS_NATS_PASSWORD": admin.password,
    }
    done = subprocess.run(
        [sys.executable, "-m", "clients.ops", "dead-letters", *arguments],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **login},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_ops_show_replay_and_discard_dead_letters(stack: Stack, poisoned: Poisoned):
    failing = _letter_of(stack, poisoned.failing_seq)
    malformed = _letter_of(stack, poisoned.malformed_seq)
    assert failing is not None and malformed is not None
    listed = [json.loads(line) for line in _ops(stack, "list", "--json").splitlines()]
    assert {failing.id, malformed.id} <= {letter["id"] for letter in listed}

    shown = json.loads(_ops(stack, "show", str(failing.id), "--json"))
    assert json.loads(shown["payload"])["attendees"] == IMPOSSIBLE_ATTENDEES
    assert shown["headers"]["Nats-Msg-Id"].endswith("-poisoned")

    # replayed after the saga compensated, the reserve meets the release's tombstone and is answered
    assert "replayed dead letter" in _ops(stack, "replay", str(failing.id))
    replay = _replayed_copy(stack, f"{COMMANDS[0]}:{poisoned.failing_seq}")
    assert replay["Nats-Msg-Id"] == f"{shown['headers']['Nats-Msg-Id']}:replay:{failing.id}"
    wait_until(lambda: _answers(stack, poisoned.failing) >= 1)
    assert failing.id not in {letter.id for letter in _dead_letters(stack)}

    assert f"discarded dead letter {malformed.id}" in _ops(stack, "discard", str(malformed.id))
    assert malformed.id not in {letter.id for letter in _dead_letters(stack)}
    assert "error: no dead letter" in _ops_failing(stack, "discard", str(malformed.id))


def _ops_failing(stack: Stack, *arguments: str) -> str:
    """The same with the credentials in ``--url``; it must fail with status 5, not found
    (``clients/exit_status.py``)."""
    done = subprocess.run(
        [sys.executable, "-m", "clients.ops", "--url", stack.nats.url, "dead-letters", *arguments],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == ExitStatus.NOT_FOUND == 5
    return done.stderr


def _replayed_copy(stack: Stack, replay_of: str) -> dict[str, str]:
    async def find(js: JetStreamContext) -> dict[str, str]:
        info = await js.stream_info(COMMANDS[0])
        for sequence in range(info.state.last_seq, info.state.first_seq - 1, -1):
            try:
                stored = await js.get_msg(COMMANDS[0], sequence)
            except nats.js.errors.NotFoundError:
                continue
            if (stored.headers or {}).get(REPLAY_OF) == replay_of:
                return dict(stored.headers or {})
        raise AssertionError(f"no replay of {replay_of} in the stream")

    result: dict[str, str] = _on_nats(stack, find)
    return result


def _answers(stack: Stack, booking_id: str) -> int:
    """Interpreting's answers about the booking's reserve in the stream (the replay's answer among them)."""

    async def read(js: JetStreamContext) -> int:
        info = await js.stream_info(COMMANDS[0])
        found = 0
        for sequence in range(info.state.first_seq, info.state.last_seq + 1):
            try:
                stored = await js.get_msg(COMMANDS[0], sequence)
            except nats.js.errors.NotFoundError:
                continue
            body = json.loads(stored.data or b"{}")
            found += stored.subject == "interpreting.evt.rejected" and body.get("booking_id") == booking_id
        return found

    result: int = _on_nats(stack, read)
    return result


def test_poisoned_payloads_are_logged_nowhere(stack: Stack, poisoned: Poisoned):
    logs = list(stack.logs_dir.glob("*.log"))
    assert logs
    assert not [log.name for log in logs if MARKER in log.read_text(errors="replace")]
