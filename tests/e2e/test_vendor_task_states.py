"""End to end: vendor task states reported on NATS show on the booking and on the staff duty desk, and an
escalation reaches the organizer's feed.

The reports are published here as interpreting and catering would (an admin NATS connection), for a real
confirmed booking, under task ids of their own so the services' own reports cannot interfere.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime, timedelta

import httpx
import msgspec
import nats
import pytest

from deploy.embedded.stack import Stack
from shared.contracts import (
    CateringTaskStateChanged,
    InterpretingTaskStateChanged,
    Message,
    VendorTaskEscalated,
)
from tests.e2e.conftest import booking_body, new_organizer, next_day, wait_for_outcome, wait_until

pytestmark = pytest.mark.e2e


def publish(stack: Stack, *messages: Message) -> None:
    async def send() -> None:
        connection = await nats.connect(stack.nats.url)
        try:
            js = connection.jetstream()
            for message in messages:
                tasks_tree = isinstance(message, VendorTaskEscalated)  # tasks.<kind>.<vendor_id>.escalated
                subject = message.vendor_subject() if tasks_tree else message.subject
                headers = {"Nats-Msg-Id": str(message.message_id)}
                await js.publish(subject, msgspec.json.encode(message), headers=headers)
        finally:
            await connection.close()

    asyncio.run(send())


@pytest.fixture
def organizer(stack: Stack, staff: httpx.Client):
    with new_organizer(stack, staff, "Lena Hoffmann", time_zone="Europe/Berlin") as client:
        yield client


def confirmed_booking(organizer: httpx.Client) -> dict:
    body = booking_body(next_day(), interpreting={"floor_language": "en", "target_languages": ["zh"]})
    accepted = organizer.post("/bookings", json=body).raise_for_status().json()
    booking = wait_for_outcome(organizer, accepted["booking_id"])
    assert booking["status"] == "confirmed", booking
    return booking


def task_on(client: httpx.Client, booking_id: str, task_id: str, state: str) -> dict | None:
    booking = client.get(f"/bookings/{booking_id}").raise_for_status().json()
    return next((t for t in booking["vendor_tasks"] if t["task_id"] == task_id and t["state"] == state), None)


def test_a_reported_task_state_shows_on_the_booking_with_its_deadline_in_both_zones(organizer, stack: Stack):
    booking = confirmed_booking(organizer)
    booking_id = uuid.UUID(booking["booking_id"])
    task_id = f"interpreting-e2e-{uuid.uuid4().hex[:8]}"
    due = datetime.fromisoformat(booking["starts_at"]) - timedelta(days=3)
    common = {
        "booking_id": booking_id,
        "task_id": task_id,
        "kind": "interpreting",
        "vendor_id": "agency-yangtze",
    }

    publish(stack, InterpretingTaskStateChanged(**common, state="awaiting_answer", version=1, answer_due=due))
    waiting = wait_until(lambda: task_on(organizer, booking["booking_id"], task_id, "awaiting_answer"))

    assert datetime.fromisoformat(waiting["answer_due"]) == due
    assert datetime.fromisoformat(waiting["answer_due_local"]["venue"]).utcoffset() == timedelta(hours=8)
    assert datetime.fromisoformat(waiting["answer_due_local"]["organizer"]) == due
    assert datetime.fromisoformat(waiting["answer_due_local"]["organizer"]).utcoffset() in (
        timedelta(hours=1),
        timedelta(hours=2),
    )
    assert (waiting["vendor_id"], waiting["kind"], waiting["reason"]) == (
        "agency-yangtze",
        "interpreting",
        "",
    )

    publish(stack, InterpretingTaskStateChanged(**common, state="escalated", version=3, reason="nobody free"))
    escalated = wait_until(lambda: task_on(organizer, booking["booking_id"], task_id, "escalated"))
    assert escalated["reason"] == "nobody free" and escalated["answer_due"] is None


def test_the_duty_desk_lists_escalations_page_by_page_and_organizers_may_not(
    organizer, staff: httpx.Client, ops: httpx.Client, stack: Stack
):
    booking = confirmed_booking(organizer)
    booking_id = uuid.UUID(booking["booking_id"])
    suffix = uuid.uuid4().hex[:8]
    reports = [
        InterpretingTaskStateChanged(
            booking_id=booking_id,
            task_id=f"interpreting-e2e-{suffix}",
            kind="interpreting",
            vendor_id="agency-silkroad",
            state="escalated",
            version=2,
            reason="none free",
        ),
        CateringTaskStateChanged(
            booking_id=booking_id,
            task_id=f"catering-e2e-{suffix}",
            kind="catering",
            vendor_id="caterer-cuntan-kitchen",
            state="escalated",
            version=2,
            reason="kitchen",
        ),
    ]
    publish(stack, *reports)
    wanted = {report.task_id for report in reports}
    params = {"state": "escalated", "booking_id": booking["booking_id"], "limit": 1}
    wait_until(
        lambda: len(staff.get("/staff/vendor-tasks", params={**params, "limit": 10}).json()) == len(wanted)
    )

    pages, url = [], "/staff/vendor-tasks"
    response = staff.get(url, params=params)
    while True:
        response.raise_for_status()
        pages.append(response.json())
        if "next" not in response.links:
            break
        response = staff.get(response.links["next"]["url"])
    listed = [task for page in pages for task in page]

    assert {task["task_id"] for task in listed} == wanted and len(listed) == len(wanted)
    assert [len(page) for page in pages] == [1, 1, 0]
    assert {task["title"] for task in listed} == {booking["title"]}
    assert ops.get("/staff/vendor-tasks", params=params).status_code == 200
    assert organizer.get("/staff/vendor-tasks").status_code == 403
    assert staff.get("/staff/vendor-tasks", params={"cursor": "nonsense"}).status_code == 400
    assert staff.get("/staff/vendor-tasks", params={"state": "lost"}).status_code == 400
    with new_organizer(stack, staff, "Other Organizer") as stranger:
        assert stranger.get(f"/bookings/{booking['booking_id']}").status_code == 404


def test_an_escalation_tells_the_organizer_that_the_venue_team_takes_over(organizer, stack: Stack):
    booking = confirmed_booking(organizer)
    escalated = VendorTaskEscalated(
        booking_id=uuid.UUID(booking["booking_id"]),
        task_id=f"interpreting-e2e-{uuid.uuid4().hex[:8]}",
        kind="interpreting",
        vendor_id="agency-yangtze",
        reason="nobody accepted in time",
    )
    publish(stack, escalated, escalated)  # the second is the same message: deduplicated, told once
    notify = stack.service("notify").base_url

    def told() -> list[dict]:
        entries = (
            httpx.get(
                f"{notify}/notifications",
                params={"booking_id": booking["booking_id"]},
                headers=organizer.headers,
            )
            .raise_for_status()
            .json()
        )
        return [entry for entry in entries if entry["event"] == "service_escalated"]

    [entry] = wait_until(told)
    assert "will contact you" in entry["body"] and "agency-yangtze" not in entry["body"]
    assert "nobody accepted" not in entry["body"]
