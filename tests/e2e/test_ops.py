"""End to end: the ops API and CLI on the running stack (issue 7, ops part 2).

Each route answers with real data: sagas by state (a booking and a change), a saga stuck because its
participant is stopped and no sweep gave its step up (the main venue paused, a second venue whose sweep
waits an hour makes the booking), the health of every service with the lag of the stopped participant's
consumer, dead letters from a malformed command (shown, replayed, discarded, audited), an overdue vendor
task and a notification notify gave up on. Only ops may ask; the CLI is run once as a process.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import msgspec
import nats
import pytest

from deploy.embedded.ports import free_port
from deploy.embedded.process import REPO_ROOT, ServiceProcess
from deploy.embedded.stack import Stack
from shared.contracts import CateringTaskStateChanged
from tests.e2e.conftest import booking_body, new_organizer, next_day, wait_for_outcome, wait_until

pytestmark = pytest.mark.e2e

JAEGER = "http://jaeger.example:16686"
MARKER = f"ops-marker-{uuid.uuid4().hex}"
ROUTES = [
    ("GET", "/ops/sagas"),
    ("GET", "/ops/sagas/stuck"),
    ("GET", "/ops/vendor-tasks/overdue"),
    ("GET", "/ops/health"),
    ("GET", "/ops/notifications/failures"),
    ("GET", "/ops/audit"),
    ("GET", "/ops/dead-letters"),
    ("GET", "/ops/dead-letters/1"),
    ("GET", f"/ops/dead-letters/{2**63 - 1}"),  # the largest sequence JetStream may hold
    ("POST", "/ops/dead-letters/999999/replay"),
    ("DELETE", "/ops/dead-letters/999999"),
]


def _on_nats(stack: Stack, work: Any, login: str = "admin", errors: list[str] | None = None) -> Any:
    """``work(connection)`` as ``login``; the server's errors (refusals) go to ``errors``."""
    told = [] if errors is None else errors

    async def on_error(error: Exception) -> None:
        told.append(str(error))

    async def run() -> Any:
        who = stack.nats.login(login)
        connection = await nats.connect(who.url, user=who.user, password=who.password, error_cb=on_error)
        try:
            return await work(connection)
        finally:
            await connection.close()

    return asyncio.run(run())


def _publish(stack: Stack, subject: str, payload: bytes) -> int:
    async def send(connection: Any) -> int:
        ack = await connection.jetstream().publish(
            subject, payload, headers={"Nats-Msg-Id": str(uuid.uuid4())}
        )
        return int(ack.seq)

    sequence: int = _on_nats(stack, send)
    return sequence


def _traced(client: httpx.Client, booking_id: str) -> str:
    """The booking's trace id, once its spans are in the span folder."""
    wait_until(lambda: client.get(f"/bookings/{booking_id}/trace").text.startswith("trace "))
    return str(client.get(f"/bookings/{booking_id}").json()["trace_id"])


def _confirmed(client: httpx.Client, **changes: Any) -> str:
    body = booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=12, **changes)
    booking_id = str(client.post("/bookings", json=body).raise_for_status().json()["booking_id"])
    assert wait_for_outcome(client, booking_id)["status"] == "confirmed"
    return booking_id


def test_only_ops_may_use_the_ops_api(stack: Stack, staff, venue, ops):
    for method, path in ROUTES:
        for client in (venue, staff):
            refused = client.request(method, path)
            assert refused.status_code == 403, (method, path, refused.text)
            assert refused.headers["content-type"].startswith("application/problem+json")
        answered = ops.request(method, path)
        assert answered.status_code in (200, 204, 404), (method, path, answered.text)


def test_sagas_by_state_count_and_list_booking_and_change_sagas(venue, ops):
    booking_id = _confirmed(venue)
    assert venue.patch(f"/bookings/{booking_id}", json={"attendees": 14}).status_code == 202
    wait_until(lambda: venue.get(f"/bookings/{booking_id}").json()["attendees"] == 14)

    page = ops.get("/ops/sagas", params={"state": "confirmed", "kind": "booking", "limit": 500}).json()
    changes = ops.get("/ops/sagas", params={"state": "applied", "kind": "change"}).json()

    assert page["counts"]["booking"]["confirmed"] >= 1 and page["counts"]["change"]["applied"] >= 1
    mine = next(saga for saga in page["sagas"] if saga["booking_id"] == booking_id)
    assert (mine["kind"], mine["state"], mine["status"], mine["waiting_on"]) == (
        "booking",
        "confirmed",
        "confirmed",
        [],
    )
    assert {(s["kind"], s["revision"]) for s in changes["sagas"] if s["booking_id"] == booking_id} == {
        ("change", 1)
    }
    assert {saga["state"] for saga in page["sagas"]} == {"confirmed"}


def test_saga_pages_follow_the_link_header_and_refuse_unknown_states(venue, ops):
    for _ in range(2):
        _confirmed(venue)
    first = ops.get("/ops/sagas", params={"limit": 1})
    second = ops.get(first.headers["link"].split(";")[0].strip("<>"))

    assert first.status_code == second.status_code == 200
    assert first.json()["sagas"][0]["updated_at"] >= second.json()["sagas"][0]["updated_at"]
    assert first.json()["sagas"] != second.json()["sagas"]
    wrong = ops.get("/ops/sagas", params={"state": "stuck-forever"})
    assert wrong.status_code == 400 and "state" in wrong.text
    assert ops.get("/ops/sagas", params={"cursor": "nonsense"}).status_code == 400


@pytest.fixture(scope="module")
def second_venue(stack: Stack) -> Iterator[ServiceProcess]:
    """Another venue instance: 2 s step deadlines, a deadline sweep once an hour, a Jaeger UI to link to."""
    port = free_port()
    env = {
        **stack.service_env("venue"),
        "WICT_HTTP_PORT": str(port),
        "WICT_INSTANCE_ID": "venue-ops-test",
        "WICT_STEP_TIMEOUT_SECONDS": "2",
        "WICT_DEADLINE_SWEEP_SECONDS": "3600",
        "WICT_JAEGER_URL": JAEGER,
    }
    process = ServiceProcess("venue-ops", "services.venue", env, port, stack.logs_dir / "venue-ops.log")
    process.start()
    try:
        process.wait_ready(60)
        yield process
    finally:
        assert process.stop() == 0


def _stuck(client: httpx.Client, booking_id: str, **params: float) -> dict[str, Any] | None:
    sagas = client.get("/ops/sagas/stuck", params=params).raise_for_status().json()["sagas"]
    return next((saga for saga in sagas if saga["booking_id"] == booking_id), None)


def _service(health: dict[str, Any], name: str) -> dict[str, Any]:
    return next(service for service in health["services"] if service["service"] == name)


def _commands_waiting(health: dict[str, Any]) -> dict[str, Any]:
    consumers = _service(health, "interpreting")["consumers"]
    return next(c for c in consumers if c["durable"] == "interpreting-commands")


def test_a_stopped_participant_shows_in_health_and_its_saga_as_stuck_until_it_is_back(
    stack: Stack, second_venue: ServiceProcess, venue, ops
):
    interpreting, main_venue = stack.service("interpreting"), stack.service("venue")
    body = booking_body(
        next_day(),
        space_id="room-a",
        layout="theater",
        attendees=90,
        interpreting={"floor_language": "en", "target_languages": ["zh"]},
    )
    interpreting.stop()
    main_venue.pause()  # its deadline sweep would give the step up at once
    try:
        with httpx.Client(base_url=second_venue.base_url, headers=ops.headers, timeout=30) as second:
            booking_id = venue.post(f"{second_venue.base_url}/bookings", json=body).json()["booking_id"]
            overdue = wait_until(lambda: _stuck(second, booking_id, grace_seconds=1, in_flight_seconds=86400))
            too_long = wait_until(
                lambda: _stuck(second, booking_id, grace_seconds=86400, in_flight_seconds=1)
            )
            health = wait_until(
                lambda: (h := second.get("/ops/health").json()) and _commands_waiting(h)["num_pending"] and h
            )
    finally:
        main_venue.resume()
        interpreting.start()
        interpreting.wait_ready()

    assert (overdue["kind"], overdue["state"]) == ("booking", "running")
    assert overdue["waiting_on"][0]["step"] == "interpreting"
    assert any("interpreting pending" in r and "past its deadline" in r for r in overdue["stuck_because"])
    assert any(
        "running for" in r and "waiting on interpreting (pending)" in r for r in too_long["stuck_because"]
    )
    assert health["status"] == "degraded"
    assert not _service(health, "interpreting")["ready"] and _service(health, "catering")["ready"]
    assert _commands_waiting(health)["num_pending"] >= 1 and not _commands_waiting(health)["bound"]
    assert _service(health, "interpreting")["pending"] >= 1

    # back: the main venue's sweep gives the step up, interpreting answers the release, nothing is stuck
    assert wait_for_outcome(venue, booking_id, timeout=60)["status"] == "rejected"
    assert _stuck(ops, booking_id, grace_seconds=1, in_flight_seconds=1) is None
    recovered = wait_until(
        lambda: (h := ops.get("/ops/health").json())["status"] == "ok" and _commands_waiting(h)["bound"] and h
    )
    assert _service(recovered, "interpreting")["ready"]
    wait_until(lambda: _commands_waiting(ops.get("/ops/health").json())["num_pending"] == 0)  # drained


def test_the_trace_links_to_jaeger_when_a_jaeger_ui_is_configured(second_venue: ServiceProcess, venue):
    booking_id = _confirmed(venue)
    trace_id = _traced(venue, booking_id)
    with httpx.Client(base_url=second_venue.base_url, headers=venue.headers, timeout=30) as second:
        linked = second.get(f"/bookings/{booking_id}/trace")
    plain = venue.get(f"/bookings/{booking_id}/trace")

    assert linked.status_code == plain.status_code == 200
    assert linked.headers["link"] == f'<{JAEGER}/trace/{trace_id}>; rel="alternate"'
    assert (
        linked.text.startswith(f"trace {trace_id}") and f"in Jaeger: {JAEGER}/trace/{trace_id}" in linked.text
    )
    assert "link" not in plain.headers and "Jaeger" not in plain.text


def _letter_of(ops: httpx.Client, sequence: int) -> dict[str, Any] | None:
    letters = ops.get("/ops/dead-letters", params={"limit": 1000}).raise_for_status().json()
    return next((d for d in letters if (d["stream"], d["stream_seq"]) == ("CATERING", sequence)), None)


def test_a_malformed_command_is_a_dead_letter_ops_show_replay_and_discard_audited(
    stack: Stack, venue, staff, ops
):
    booking_id = _confirmed(venue)
    poison = json.dumps({"booking_id": booking_id, "message_id": "not-a-uuid", "note": MARKER}).encode()
    sequence = _publish(stack, "catering.cmd.confirm", poison)  # catering terminates it: undecodable
    letter = wait_until(lambda: _letter_of(ops, sequence))
    assert (letter["kind"], letter["consumer"], letter["subject"]) == (
        "terminated",
        "catering-commands",
        "catering.cmd.confirm",
    )
    assert letter["reason"].startswith("undecodable") and MARKER not in json.dumps(letter)

    refused = staff.get(f"/ops/dead-letters/{letter['id']}")
    shown = ops.get(f"/ops/dead-letters/{letter['id']}").json()
    assert refused.status_code == 403 and MARKER not in refused.text
    assert json.loads(shown["payload"])["note"] == MARKER and shown["booking_id"] == booking_id

    replayed = ops.post(f"/ops/dead-letters/{letter['id']}/replay").json()
    assert (replayed["stream"], replayed["dead_letter"], replayed["duplicate"]) == (
        "CATERING",
        letter["id"],
        False,
    )
    assert replayed["message_id"].endswith(f":replay:{letter['id']}")
    again = wait_until(lambda: _letter_of(ops, replayed["sequence"]))  # still malformed: a new dead letter
    assert ops.get(f"/ops/dead-letters/{letter['id']}").status_code == 404

    assert ops.delete(f"/ops/dead-letters/{again['id']}").status_code == 204
    assert _letter_of(ops, replayed["sequence"]) is None
    missing = ops.delete(f"/ops/dead-letters/{again['id']}")
    assert missing.status_code == 404 and missing.json()["title"] == "No such dead letter"

    trail = [e for e in ops.get("/ops/audit").json() if e["booking_id"] == booking_id]
    assert [(e["action"], e["detail"]["dead_letter"]) for e in reversed(trail)] == [
        ("dead letter shown", letter["id"]),
        ("dead letter replayed", letter["id"]),
        ("dead letter discarded", again["id"]),
    ]
    assert {e["actor"].split(":")[0] for e in trail} == {"ops"}
    on_booking = [e["action"] for e in ops.get(f"/bookings/{booking_id}/audit").json()]
    assert on_booking[-3:] == ["dead letter shown", "dead letter replayed", "dead letter discarded"]
    assert MARKER not in json.dumps(trail)  # the payload is shown, never kept


def test_a_vendor_task_past_its_answer_deadline_is_overdue(stack: Stack, venue, ops):
    booking_id = _confirmed(venue)
    task_id = f"catering-ops-{uuid.uuid4().hex[:8]}"
    due = datetime.now(UTC) - timedelta(minutes=5)  # catering reports it as still awaiting the answer
    report = CateringTaskStateChanged(
        booking_id=uuid.UUID(booking_id),
        task_id=task_id,
        kind="catering",
        vendor_id="caterer-cuntan-kitchen",
        state="awaiting_answer",
        version=1,
        answer_due=due,
    )
    _publish(stack, report.subject, msgspec.json.encode(report))

    task = wait_until(
        lambda: next(
            (t for t in ops.get("/ops/vendor-tasks/overdue").json() if t["task_id"] == task_id), None
        )
    )

    assert (task["booking_id"], task["state"], task["vendor_id"]) == (
        booking_id,
        "awaiting_answer",
        "caterer-cuntan-kitchen",
    )
    assert task["overdue_seconds"] >= 300 and set(task["answer_due_local"]) == {"venue", "organizer"}


def test_a_notification_notify_gave_up_on_is_listed(stack: Stack, staff, ops):
    notify = stack.service("notify").base_url
    with new_organizer(stack, staff, "Nora Webb") as organizer:
        recipient = f"organizer:{organizer.account['email']}"  # type: ignore[attr-defined]
        url = f"http://127.0.0.1:{free_port()}/nobody-listens"
        hook = httpx.post(
            f"{notify}/recipients/{recipient}/webhooks", headers=staff.headers, json={"url": url}
        )
        assert hook.status_code == 201, hook.text
        booking_id = _confirmed(organizer)
        deliveries = f"{notify}/ops/deliveries"
        wait_until(
            lambda: httpx.get(
                deliveries, headers=ops.headers, params={"booking_id": booking_id, "channel": "webhook"}
            ).json()
        )
        # removing the endpoint gives up what waits for it
        assert (
            httpx.delete(
                f"{notify}/recipients/{recipient}/webhooks/{hook.json()['id']}", headers=staff.headers
            ).status_code
            == 204
        )

        failed = wait_until(
            lambda: ops.get("/ops/notifications/failures", params={"booking_id": booking_id}).json(),
            timeout=60,
        )

    assert {(f["booking_id"], f["channel"], f["recipient"]) for f in failed} == {
        (booking_id, "webhook", recipient)
    }
    assert all(f["last_error"] for f in failed)


def test_the_ops_nats_login_reads_lag_but_cannot_administer_jetstream(stack: Stack):
    async def probe(connection: Any) -> tuple[int, bool]:
        js = connection.jetstream(timeout=2)
        info = await js.consumer_info("CATERING", "catering-commands")
        try:
            await js.delete_stream("TASKS")
        except nats.errors.TimeoutError:  # the server refuses (permissions violation): no answer comes
            return info.num_pending, False
        return info.num_pending, True

    refusals: list[str] = []
    pending, deleted = _on_nats(stack, probe, login="ops", errors=refusals)

    assert pending >= 0 and not deleted
    assert any(
        'permissions violation for publish to "$js.api.stream.delete.tasks"' in e.lower() for e in refusals
    )
    assert _on_nats(stack, lambda c: c.jetstream().stream_info("TASKS")).config.name == "TASKS"


def _cli(stack: Stack, ops: httpx.Client, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "WICT_VENUE_URL": stack.service("venue").base_url,
        "WICT_OPS_API_KEY": stack.credentials["ops"],
    }
    return subprocess.run(
        [sys.executable, "-m", "clients.ops", *arguments],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_the_cli_shows_sagas_and_a_trace(stack: Stack, venue, ops):
    booking_id = _confirmed(venue)
    trace_id = _traced(venue, booking_id)

    sagas = _cli(stack, ops, "sagas", "--state", "confirmed", "--kind", "booking", "--limit", "500")
    trace = _cli(stack, ops, "trace", booking_id)
    unknown = _cli(stack, ops, "trace", str(uuid.uuid4()))

    assert sagas.returncode == 0, sagas.stderr
    assert "booking sagas: " in sagas.stdout and booking_id in sagas.stdout
    assert trace.returncode == 0 and trace.stdout.startswith(f"trace {trace_id}")
    assert unknown.returncode == 5 and "404" in unknown.stderr  # not found (clients/exit_status.py)
