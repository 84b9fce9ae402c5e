"""End to end: caterers use the vendor client (`python -m clients.vendor`, a subprocess logged in to NATS as
the caterer itself) against the running platform.

The menu's first caterer declines a booking's buffet with a reason: the booking shows that task declined
and a new task for the second caterer, who lists and accepts it. An answer sent again changes nothing
more, and `watch` prints the platform's task events and stops cleanly on Ctrl-C.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import uuid
from typing import Any

import httpx
import msgspec
import nats
import pytest

from clients.vendor.answers import answer_message
from deploy.embedded.process import REPO_ROOT
from deploy.embedded.stack import Stack
from shared.contracts.tasks import VendorTaskList, VendorTaskView
from shared.messaging.streams import TASKS
from shared.messaging.vendors import Vendor
from shared.tests.jetstream import settled, stored
from tests.e2e.conftest import booking_body, new_organizer, next_day, wait_for_outcome, wait_until

pytestmark = pytest.mark.e2e

CUNTAN, JIANGBEI = (
    Vendor("catering", "caterer-cuntan-kitchen"),
    Vendor("catering", "caterer-jiangbei-banquet"),
)
BUFFET = {"menu": "western-buffet", "headcount": 200}
REASON = "our kitchen is closed that week"
TITLE = "Vendor client check"  # not the default title, which other modules' mail checks look for


def vendor_env(stack: Stack, vendor: Vendor) -> dict[str, str]:
    login = stack.nats.vendor_login(vendor)
    inherited = {name: value for name, value in os.environ.items() if not name.startswith("WICT_VENDOR_")}
    return inherited | {
        "WICT_VENDOR_NATS_URL": login.url,
        "WICT_VENDOR_KIND": vendor.kind,
        "WICT_VENDOR_ID": vendor.vendor_id,
        "WICT_VENDOR_PASSWORD": login.password,
    }


def vendor_cli(stack: Stack, vendor: Vendor, *argv: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "clients.vendor", *argv]
    env = vendor_env(stack, vendor)
    return subprocess.run(command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)


def catering_tasks(client: httpx.Client, booking_id: str) -> dict[str, dict[str, Any]]:
    """The booking's catering tasks by caterer, as GET /bookings/{id} shows them."""
    booking = client.get(f"/bookings/{booking_id}").raise_for_status().json()
    return {task["vendor_id"]: task for task in booking["vendor_tasks"] if task["kind"] == "catering"}


def in_states(
    client: httpx.Client, booking_id: str, wanted: dict[str, str]
) -> dict[str, dict[str, Any]] | None:
    tasks = catering_tasks(client, booking_id)
    return tasks if {vendor: task["state"] for vendor, task in tasks.items()} == wanted else None


@pytest.fixture
def organizer(stack: Stack, staff: httpx.Client):
    with new_organizer(stack, staff, "Mei Lin", time_zone="Asia/Shanghai") as client:
        yield client


def confirmed_buffet(organizer: httpx.Client) -> str:
    accepted = (
        organizer.post("/bookings", json=booking_body(next_day(), catering=BUFFET, title=TITLE))
        .raise_for_status()
        .json()
    )
    booking = wait_for_outcome(organizer, accepted["booking_id"])
    assert booking["status"] == "confirmed", booking
    return str(booking["booking_id"])


def test_a_declined_buffet_goes_to_the_second_caterer_who_accepts_it_once(
    organizer: httpx.Client, stack: Stack
):
    booking_id = confirmed_buffet(organizer)
    wait_until(lambda: in_states(organizer, booking_id, {CUNTAN.vendor_id: "awaiting_answer"}))

    listed = vendor_cli(stack, CUNTAN, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    [task] = [
        t
        for t in msgspec.json.decode(listed.stdout, type=list[VendorTaskView])
        if str(t.booking_id) == booking_id
    ]
    assert task.state == "awaiting_answer" and task.work is not None
    assert "Western-style buffet for 200 guests" in task.work.summary
    assert organizer.account["email"] not in listed.stdout and "Mei Lin" not in listed.stdout  # type: ignore[attr-defined]
    table = vendor_cli(stack, CUNTAN, "list")
    assert table.returncode == 0 and any(
        line.startswith(booking_id[:8]) for line in table.stdout.splitlines()
    )

    declined = vendor_cli(stack, CUNTAN, "decline", booking_id[:8], "--reason", REASON, "--json")
    assert declined.returncode == 0, declined.stderr
    assert {k: json.loads(declined.stdout)[k] for k in ("answer", "sent", "state")} == {
        "answer": "declined",
        "sent": True,
        "state": "declined",
    }
    tasks = wait_until(
        lambda: in_states(
            organizer, booking_id, {CUNTAN.vendor_id: "declined", JIANGBEI.vendor_id: "awaiting_answer"}
        )
    )
    assert tasks[CUNTAN.vendor_id]["reason"] == REASON and tasks[JIANGBEI.vendor_id]["answer_due"]

    shown = vendor_cli(stack, JIANGBEI, "show", booking_id)
    assert shown.returncode == 0 and "awaiting_answer (accept or decline, answer by" in shown.stdout
    accepted = vendor_cli(stack, JIANGBEI, "accept", booking_id, "--json")
    assert accepted.returncode == 0, accepted.stderr
    assert json.loads(accepted.stdout)["state"] == "accepted"
    wait_until(
        lambda: in_states(
            organizer, booking_id, {CUNTAN.vendor_id: "declined", JIANGBEI.vendor_id: "accepted"}
        )
    )

    out_of_it = vendor_cli(stack, CUNTAN, "accept", booking_id, "--json")
    assert out_of_it.returncode == 6 and json.loads(out_of_it.stderr)["error"] == "answer_refused"
    again = vendor_cli(stack, JIANGBEI, "accept", booking_id, "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["sent"] is False

    assert asyncio.run(accept_again_on_the_wire(stack, booking_id)) == [True, False]
    assert asyncio.run(task_states(stack, booking_id)) == [
        (CUNTAN.vendor_id, "awaiting_answer"),
        (CUNTAN.vendor_id, "declined"),
        (JIANGBEI.vendor_id, "awaiting_answer"),
        (JIANGBEI.vendor_id, "accepted"),
    ]


async def accept_again_on_the_wire(stack: Stack, booking_id: str) -> list[bool]:
    """The second caterer's accept published twice more, as a client retrying would: with the same
    Nats-Msg-Id (the stream drops it), and as if the dedup window had passed (the service drops it).
    Returns whether the stream called each a duplicate."""
    login = stack.nats.vendor_login(JIANGBEI)
    connection = await nats.connect(
        login.url, user=login.user, password=login.password, inbox_prefix=JIANGBEI.inbox_prefix
    )
    try:
        reply = await connection.request(JIANGBEI.query_subject, b'{"include_closed": true}', timeout=10)
        listed = msgspec.json.decode(reply.data, type=VendorTaskList).tasks
        [view] = [v for v in listed if str(v.booking_id) == booking_id]
        answer = answer_message(view, "accepted")  # the message the client sent, rebuilt
        js = connection.jetstream()
        acks = [
            await js.publish(
                answer.vendor_subject(),
                msgspec.json.encode(answer),
                stream=TASKS,
                headers={"Nats-Msg-Id": msg_id},
            )
            for msg_id in (str(answer.message_id), f"{answer.message_id}:after-the-dedup-window")
        ]
    finally:
        await connection.close()
    return [bool(ack.duplicate) for ack in acks]


async def task_states(stack: Stack, booking_id: str) -> list[tuple[str, str]]:
    """Every task state catering reported for the booking, once all answers are handled."""
    connection = await nats.connect(stack.nats.url)
    try:
        js = connection.jetstream()
        await settled(js, TASKS, "catering-task-answers", stack.postgres.dsn("catering"))
        events = await stored(js, "catering.evt.task_state", uuid.UUID(booking_id))
    finally:
        await connection.close()
    return [(body["vendor_id"], body["state"]) for _, body in events]


def test_watch_prints_the_platforms_task_events_and_stops_cleanly_on_ctrl_c(
    organizer: httpx.Client, stack: Stack
):
    booking_id = confirmed_buffet(organizer)
    watcher = subprocess.Popen(
        [sys.executable, "-m", "clients.vendor", "watch", "--json"],
        env=vendor_env(stack, CUNTAN),
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        event = first_event_about(watcher, booking_id)
        watcher.send_signal(signal.SIGINT)
        status = watcher.wait(timeout=30)
    finally:
        watcher.kill()
    assert (event["event"], event["task"]["vendor_id"]) == ("assigned", CUNTAN.vendor_id)
    assert "Western-style buffet for 200 guests" in event["task"]["summary"]
    assert status == 0


def first_event_about(
    watcher: subprocess.Popen[str], booking_id: str, within: float = 60.0
) -> dict[str, Any]:
    """The first event `watch` prints about the booking (earlier bookings' events come first: the feed
    starts at the beginning); AssertionError if none comes in time (a wait, not a speed check)."""
    lines: queue.Queue[str] = queue.Queue()
    assert watcher.stdout is not None
    output = watcher.stdout
    threading.Thread(target=lambda: [lines.put(line) for line in output], daemon=True).start()
    deadline = time.monotonic() + within
    while True:
        try:
            event: dict[str, Any] = json.loads(lines.get(timeout=max(deadline - time.monotonic(), 0.01)))
        except queue.Empty:
            raise AssertionError(f"watch printed nothing about booking {booking_id}") from None
        if event["task"]["booking_id"] == booking_id:
            return event
