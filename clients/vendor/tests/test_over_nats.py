"""The client against a real nats-server with the platform's generated vendor permissions.

A stand-in for the catering service (an admin connection) answers task lists and applies answers; the
client runs in-process (``run``) or, for Ctrl-C, as ``python -m clients.vendor``. Everything the client
does must pass the vendor's permissions: a refusal would surface as exit status 3.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import msgspec
import nats
import pytest
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.js import JetStreamContext

from clients.vendor.arguments import parse
from clients.vendor.cli import run
from clients.vendor.tests.views import view
from deploy.embedded import NatsServer, free_port
from deploy.embedded.process import REPO_ROOT
from shared.contracts.tasks import (
    VendorTaskAnswer,
    VendorTaskCancelled,
    VendorTaskChanged,
    VendorTaskDeclined,
    VendorTaskList,
    VendorTaskQuery,
    VendorTaskView,
)
from shared.messaging.streams import TASKS, provision
from shared.messaging.vendors import Vendor
from shared.participant.domain.task_states import OPEN, after_answer

pytestmark = pytest.mark.integration

ONE, TWO = Vendor("catering", "caterer-one"), Vendor("catering", "caterer-two")
UNFED = Vendor("interpreting", "agency-unfed")  # a NATS user without a task consumer


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NatsServer]:
    server = NatsServer(tmp_path_factory.mktemp("nats"), free_port(), free_port(), vendors=[ONE, TWO, UNFED])
    server.start()
    try:
        asyncio.run(provision(server.url, vendors=[ONE, TWO]))
        yield server
    finally:
        server.stop()


class StandIn:
    """Plays the catering service: lists ``tasks`` to their vendor, and (if ``applies``) applies answers."""

    def __init__(self, admin: Client, applies: bool = True) -> None:
        self.admin = admin
        self.applies = applies
        self.tasks: dict[str, VendorTaskView] = {}
        self.answers: list[Msg] = []

    def add(self, *views: VendorTaskView) -> None:
        self.tasks |= {task.task_id: task for task in views}

    async def start(self) -> None:
        await self.admin.subscribe("vendors.catering.*.tasks", cb=self._list)
        await self.admin.subscribe("tasks.catering.*.*", cb=self._answer)

    async def _list(self, request: Msg) -> None:
        query = msgspec.json.decode(request.data or b"{}", type=VendorTaskQuery)
        vendor_id = request.subject.split(".")[2]
        found = [
            t
            for t in self.tasks.values()
            if t.vendor_id == vendor_id and (query.include_closed or t.state in OPEN)
        ]
        await request.respond(msgspec.json.encode(VendorTaskList(tasks=found)))

    async def _answer(self, message: Msg) -> None:
        name = message.subject.rsplit(".", 1)[1]
        if name not in ("accepted", "declined", "done"):
            return
        self.answers.append(message)
        answer = msgspec.json.decode(message.data, type=VendorTaskAnswer)
        task = self.tasks.get(answer.task_id)
        moved = after_answer(task.state, name) if task else None
        if self.applies and task and moved and answer.in_reply_to == task.in_reply_to:
            self.tasks[task.task_id] = msgspec.structs.replace(task, state=moved, answer_due=None)


@pytest.fixture
async def stand_in(server: NatsServer) -> AsyncIterator[StandIn]:
    admin = await nats.connect(server.url)
    platform = StandIn(admin)
    await platform.start()
    yield platform
    await admin.close()


def env_of(server: NatsServer, vendor: Vendor, **extra: str) -> dict[str, str]:
    login = server.vendor_login(vendor)
    return {
        "WICT_VENDOR_NATS_URL": login.url,
        "WICT_VENDOR_KIND": vendor.kind,
        "WICT_VENDOR_ID": vendor.vendor_id,
        "WICT_VENDOR_PASSWORD": login.password,
        **extra,
    }


async def cli(environ: dict[str, str], *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = await run(parse(argv), environ, out, err)
    return status, out.getvalue(), err.getvalue()


async def test_list_shows_open_tasks_and_show_finds_one_by_its_short_booking_id(server, stand_in):
    waiting, withdrawn, others = (
        view(vendor_id="caterer-one"),
        view("cancelled", vendor_id="caterer-one"),
        view(vendor_id="caterer-two"),
    )
    stand_in.add(waiting, withdrawn, others)
    env = env_of(server, ONE)

    status, out, _ = await cli(env, "list", "--json")
    assert status == 0 and msgspec.json.decode(out, type=list[VendorTaskView]) == [waiting]
    status, out, _ = await cli(env, "list", "--all")
    assert status == 0 and [line.split()[0] for line in out.splitlines()[2:]] == [
        str(t.booking_id)[:8] for t in (waiting, withdrawn)
    ]
    status, out, _ = await cli(env, "show", str(withdrawn.booking_id)[:8])
    assert status == 0 and out.splitlines()[2].split() == ["state", "cancelled"]
    status, _, err = await cli(env, "show", str(others.booking_id))
    assert status == 5 and "none of your tasks" in err


async def test_an_accept_is_stored_once_applied_and_a_second_run_sends_nothing(server, stand_in):
    task = view(vendor_id="caterer-one")
    stand_in.add(task)
    env = env_of(server, ONE)

    status, out, err = await cli(env, "accept", str(task.booking_id)[:8], "--json")
    assert (status, err) == (0, "")
    assert json.loads(out) | {"booking_id": None} == {
        "task_id": task.task_id,
        "booking_id": None,
        "answer": "accepted",
        "sent": True,
        "duplicate": False,
        "state": "accepted",
    }
    [stored] = stand_in.answers
    answer = msgspec.json.decode(stored.data, type=VendorTaskAnswer)
    assert stored.subject == "tasks.catering.caterer-one.accepted"
    assert stored.headers == {"Nats-Msg-Id": str(answer.message_id), "Nats-Expected-Stream": TASKS}
    assert (answer.task_id, answer.in_reply_to) == (task.task_id, task.in_reply_to)

    status, out, _ = await cli(env, "accept", task.task_id)
    assert status == 0 and out.startswith(f"nothing sent: task {task.task_id}") and len(stand_in.answers) == 1


async def test_a_retried_answer_is_dropped_by_the_stream(server, stand_in):
    stand_in.applies = False
    task = view(vendor_id="caterer-one")
    stand_in.add(task)
    env = env_of(server, ONE)

    first = await cli(env, "done", task.task_id, "--wait", "0", "--json")
    again = await cli(env, "done", task.task_id, "--wait", "0", "--json")

    assert [json.loads(out)["duplicate"] for _, out, _ in (first, again)] == [False, True]
    admin = stand_in.admin.jetstream()
    stored = await admin.get_last_msg(TASKS, "tasks.catering.caterer-one.done")
    assert stored.headers and stored.headers["Nats-Msg-Id"] == str(
        msgspec.json.decode(stored.data, type=VendorTaskAnswer).message_id
    )


async def test_a_decline_carries_its_reason(server, stand_in, tmp_path: Path):
    task = view("accepted", vendor_id="caterer-one")
    stand_in.add(task)
    password = tmp_path / "password"
    password.write_text(server.vendor_login(ONE).password + "\n")
    env = env_of(server, ONE) | {"WICT_VENDOR_PASSWORD": ""}

    status, out, _ = await cli(
        env, "--password-file", str(password), "decline", task.task_id, "--reason", "no chef that day"
    )

    assert status == 0 and out.endswith("is declined now: the work goes to another vendor\n")
    [stored] = stand_in.answers
    assert msgspec.json.decode(stored.data, type=VendorTaskDeclined).reason == "no chef that day"


async def test_an_answer_the_task_cannot_take_or_nobody_applies_has_its_own_status(server, stand_in):
    withdrawn, waiting = view("cancelled", vendor_id="caterer-one"), view(vendor_id="caterer-one")
    stand_in.add(withdrawn, waiting)
    env = env_of(server, ONE)

    status, _, err = await cli(env, "accept", withdrawn.task_id, "--json")
    assert status == 6 and json.loads(err)["error"] == "answer_refused" and stand_in.answers == []

    stand_in.applies = False
    status, _, err = await cli(env, "accept", waiting.task_id, "--wait", "0.3")
    assert status == 7 and "not applied it within 0.3 s" in err and len(await received(stand_in, 1)) == 1


async def test_a_wrong_login_another_vendors_tasks_and_a_silent_platform_are_told_apart(server, stand_in):
    env = env_of(server, ONE)

    wrong_password = await cli(env | {"WICT_VENDOR_PASSWORD": "guess"}, "list")
    as_another = await cli(env | {"WICT_VENDOR_ID": "caterer-two", "WICT_VENDOR_USER": ONE.name}, "list")
    nobody_answers = await cli(env_of(server, UNFED), "list")
    no_feed = await cli(env_of(server, UNFED), "watch")
    no_server = await cli(env | {"WICT_VENDOR_NATS_URL": f"nats://127.0.0.1:{free_port()}"}, "list")

    assert (
        wrong_password[0] == 3 and "refused the login of 'vendor-catering-caterer-one'" in wrong_password[2]
    )
    # logged in as one, asking as two: the server refuses both the query and two's inbox; which refusal
    # arrives first is up to the server, either is "not authorized"
    assert as_another[0] == 3 and (
        'permissions violation for publish to "vendors.catering.caterer-two.tasks"' in as_another[2]
        or 'permissions violation for subscription to "_inbox_catering_caterer-two.' in as_another[2]
    ), as_another
    assert nobody_answers[0] == 4 and "no responder" in nobody_answers[2]
    assert no_feed[0] == 4 and "'vendor-interpreting-agency-unfed' is not set up" in no_feed[2]
    assert no_server[0] == 4 and "cannot reach NATS" in no_server[2]
    assert all(
        env["WICT_VENDOR_PASSWORD"] not in out + err
        for _, out, err in (wrong_password, as_another, no_server)
    )


async def test_watch_prints_each_task_event_acks_it_and_stops_cleanly_on_ctrl_c(server, stand_in):
    task = view(vendor_id="caterer-two")
    assert task.work is not None
    work = task.work
    changed = VendorTaskChanged(
        **{f: getattr(work, f) for f in work.__struct_fields__ if f != "message_id"}, changes=["headcount"]
    )
    cancelled = VendorTaskCancelled(
        booking_id=task.booking_id,
        task_id=task.task_id,
        kind="catering",
        vendor_id=TWO.vendor_id,
        reason="the booking was cancelled",
    )
    js = stand_in.admin.jetstream()
    for event, message in (("assigned", work), ("changed", changed), ("cancelled", cancelled)):
        await js.publish(
            TWO.subject(event), msgspec.json.encode(message), headers={"Nats-Msg-Id": str(message.message_id)}
        )
    env = {**os.environ, **env_of(server, TWO)}
    watcher = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "clients.vendor",
        "watch",
        "--json",
        env=env,
        cwd=REPO_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert watcher.stdout is not None and watcher.stderr is not None
    try:
        lines = [await asyncio.wait_for(watcher.stdout.readline(), 30) for _ in range(3)]
        await acked(js, TWO)
        watcher.send_signal(signal.SIGINT)
        status = await asyncio.wait_for(watcher.wait(), 30)
    finally:
        if watcher.returncode is None:
            watcher.kill()
    events = [json.loads(line) for line in lines]
    assert [event["event"] for event in events] == ["assigned", "changed", "cancelled"]
    assert {event["task"]["task_id"] for event in events} == {task.task_id}
    assert events[1]["task"]["changes"] == ["headcount"]
    assert status == 0 and (await watcher.stderr.read()).decode().strip() == "stopped"


async def acked(js: JetStreamContext, vendor: Vendor) -> None:
    """Wait until the vendor's consumer has nothing pending or unacknowledged (a wait, not a speed check)."""
    for _ in range(300):
        info = await js.consumer_info(TASKS, vendor.name)
        if info.num_pending == 0 and info.num_ack_pending == 0:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"events of {vendor.name} still unacknowledged")


def test_the_module_runs_as_a_program_and_explains_itself():
    shown = subprocess.run(
        [sys.executable, "-m", "clients.vendor", "--help"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "accept" in shown.stdout and "Exit status" in shown.stdout


async def test_the_guides_nats_py_example_works_within_the_vendors_permissions(server, stand_in, capsys):
    task = view(vendor_id="caterer-one")
    stand_in.add(task)
    js = stand_in.admin.jetstream()
    guide = (REPO_ROOT / "docs" / "vendors.md").read_text()
    example = guide.split("```python\n", 1)[1].split("```", 1)[0]
    login = server.vendor_login(ONE)
    ours = {
        '"caterer-cuntan-kitchen"': f'"{ONE.vendor_id}"',
        "nats://platform.example:4222": login.url,
        'password="…"': f'password="{login.password}"',
        "asyncio.run(main())": "",
    }
    for shown, own in ours.items():
        assert shown in example
        example = example.replace(shown, own)
    namespace: dict[str, Any] = {}
    exec(compile(example, "docs/vendors.md", "exec"), namespace)
    cancelled = VendorTaskCancelled(
        booking_id=task.booking_id,
        task_id=task.task_id,
        kind="catering",
        vendor_id=ONE.vendor_id,
        reason="the booking was cancelled",
    )

    await js.publish(ONE.subject("assigned"), msgspec.json.encode(task.work))
    await namespace["main"]()
    await js.publish(ONE.subject("cancelled"), msgspec.json.encode(cancelled))
    await namespace["main"]()  # a retry of the same answer (the listed task has not changed)

    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        f"{ONE.subject('assigned')} {task.work.summary}",
        "stored",  # type: ignore[union-attr]
        f"{ONE.subject('cancelled')} the booking was cancelled",
        "sent before",
    ]
    first, second = (msgspec.json.decode(m.data, type=VendorTaskAnswer) for m in await received(stand_in, 2))
    assert first.message_id == second.message_id and first.in_reply_to == task.in_reply_to


async def received(stand_in: StandIn, count: int) -> list[Msg]:
    """The answers the stand-in got, once there are ``count`` (its subscription may lag the vendor's PubAck)."""
    for _ in range(100):
        if len(stand_in.answers) >= count:
            return stand_in.answers
        await asyncio.sleep(0.05)
    raise AssertionError(f"the stand-in got {len(stand_in.answers)} answers, not {count}")
