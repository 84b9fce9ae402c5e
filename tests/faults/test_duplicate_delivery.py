"""Scenario 5: every message delivered twice leaves the databases exactly as a run without duplicates.

One scripted scenario (bookings with interpretation and catering, a change, a cancellation, an approval, a
rejection, a vendor's acceptance and a vendor's decline) runs on two stacks of its own: a plain one, and one
whose every service publishes each outbox message a second time under another Nats-Msg-Id (failpoint
``relay.publish=twice``: the duplicate window cannot drop the copy, so every consumer gets it twice). The
vendors' answers, the only messages no outbox publishes, are sent twice by the test itself on the doubled
stack. The business tables of all four databases are dumped, ids and clock readings normalised away, and
must be equal (but for a race between notify's consumers that either run may resolve either way: see ``RACY``). Each
step waits until the stack is still, so only the duplicates differ between the runs.
"""

from __future__ import annotations

import asyncio
import collections
import json
import re
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import msgspec
import nats
import pytest

from deploy.embedded.stack import SERVICES, Stack, StackConfig
from shared.contracts import VendorTaskAccepted, VendorTaskDeclined
from shared.contracts.tasks import VendorTaskAnswer
from tests.e2e.conftest import booking_body, client_for, new_organizer, next_day, wait_for_outcome, wait_until
from tests.faults.crash import consumer_states, count, deliveries, stream_messages, wait_quiescent
from tests.support import stack_folder, stop_discarded

pytestmark = pytest.mark.e2e

TWICE = "relay.publish=twice"
STREAMS = ("VENUE", "INTERPRETING", "CATERING", "TASKS")
# bookkeeping, not business: message plumbing, migrations, secrets
SKIPPED_TABLES = {"inbox", "outbox", "schema_migrations", "api_keys"}
SKIPPED_COLUMNS = {"id", "seq", "trace_id", "trace_context", "request_hash", "idempotency_key"}
FIRST_DAY = 40  # days ahead: far beyond any clock-based value (deadlines, answer windows, option expiry)
INTERPRETING = {"floor_language": "en", "target_languages": ["zh"]}
BUFFET = {"menu": "western-buffet", "headcount": 200}
TEA = {"menu": "tea-break", "headcount": 20}


class DoubledStack(Stack):
    """A stack whose every service publishes each outbox message twice."""

    def service_env(self, name: str) -> dict[str, str]:
        return {**super().service_env(name), "WICT_FAILPOINTS": TWICE}


@dataclass
class Run:
    bookings: dict[str, str]  # label -> booking id
    tables: dict[str, dict[str, list[str]]]  # database -> table -> normalised rows, sorted
    subjects: collections.Counter[str]  # messages per subject in the streams
    handled: dict[str, int]  # inbox rows per consumer
    delivered: dict[str, int]  # deliveries per durable consumer


def _answer(stack: Stack, answer: VendorTaskAnswer, times: int) -> None:
    """Publish a vendor's answer ``times`` times, each copy under its own Nats-Msg-Id (as a retrying vendor)."""

    async def send() -> None:
        connection = await nats.connect(stack.nats.url)
        try:
            js = connection.jetstream()
            for copy in range(times):
                headers = {"Nats-Msg-Id": f"{answer.message_id}:{copy}"}
                await js.publish(answer.vendor_subject(), msgspec.json.encode(answer), headers=headers)
        finally:
            await connection.close()

    asyncio.run(send())


def _task(stack: Stack, database: str, booking_id: str) -> tuple[str, str, uuid.UUID]:
    """The booking's first live task there: (task id, vendor id, id of the message that assigned it)."""
    sql = (
        f"SELECT task_id, vendor_id, message_id FROM vendor_tasks WHERE booking_id = '{booking_id}'"
        " AND status = 'live' ORDER BY vendor_id LIMIT 1"
    )
    task_id, vendor_id, message_id = stack.postgres.psql(sql, database).strip().split("|")
    return task_id, vendor_id, uuid.UUID(message_id)


def _settle(stack: Stack) -> None:
    """Wait until every consequence of the last step is in every database (and every notice sent), so the
    next step meets the same state in either run: the services race each other only inside a step."""
    wait_quiescent(stack)
    wait_until(lambda: count(stack, "notify", "SELECT count(*) FROM deliveries WHERE state = 'pending'") == 0)


def _confirmed(stack: Stack, client: httpx.Client, body: dict) -> str:
    booking_id: str = client.post("/bookings", json=body).raise_for_status().json()["booking_id"]
    assert wait_for_outcome(client, booking_id)["status"] == "confirmed"
    _settle(stack)
    return booking_id


def _scenario(stack: Stack, answers_sent: int) -> dict[str, str]:
    """The same steps in the same order on any stack; the booking ids by label."""
    days = [next_day(FIRST_DAY + offset) for offset in range(5)]
    with (
        client_for(stack, stack.credentials["staff"]) as staff,
        new_organizer(stack, staff, "Dana Example", email="dana@example.org") as organizer,
    ):
        forum = _confirmed(
            stack, organizer, booking_body(days[0], interpreting=INTERPRETING, catering=BUFFET)
        )

        room = {"space_id": "room-a", "layout": "boardroom", "attendees": 20}
        workshop = _confirmed(stack, organizer, booking_body(days[1], **room, catering=TEA))
        later = {
            "starts_at": days[1].replace(hour=15).isoformat(),
            "ends_at": days[1].replace(hour=19).isoformat(),
        }
        organizer.patch(f"/bookings/{workshop}", json=later).raise_for_status()
        changed = wait_until(
            lambda: [
                c["state"]
                for c in organizer.get(f"/bookings/{workshop}/changes").json()
                if c["state"] != "running"
            ]
        )
        assert changed == ["applied"]
        _settle(stack)

        dropped = _confirmed(
            stack, organizer, booking_body(days[2], interpreting=INTERPRETING, catering=BUFFET)
        )
        organizer.post(f"/bookings/{dropped}/cancel", json={"reason": "postponed"}).raise_for_status()
        _settle(stack)

        vip_body = booking_body(days[3], space_id="vip-hall", layout="boardroom", attendees=20, catering=TEA)
        vip = organizer.post("/bookings", json=vip_body).raise_for_status().json()["booking_id"]
        _settle(stack)  # staff were told
        staff.post(f"/bookings/{vip}/approval", json={"decision": "approve"}).raise_for_status()
        assert wait_for_outcome(organizer, vip)["status"] == "confirmed"
        _settle(stack)

        nobody = {"floor_language": "ar", "target_languages": ["zh"]}
        refused = organizer.post("/bookings", json=booking_body(days[4], interpreting=nobody)).json()[
            "booking_id"
        ]
        assert wait_for_outcome(organizer, refused)["status"] == "rejected"
        _settle(stack)

    agency_task, agency, assigned = _task(stack, "interpreting", forum)
    accepted = VendorTaskAccepted(
        message_id=uuid.uuid5(assigned, "accepted"),
        booking_id=uuid.UUID(forum),
        task_id=agency_task,
        kind="interpreting",
        vendor_id=agency,
        in_reply_to=assigned,
    )
    _answer(stack, accepted, answers_sent)
    _settle(stack)
    caterer_task, caterer, assigned = _task(stack, "catering", forum)
    declined = VendorTaskDeclined(
        message_id=uuid.uuid5(assigned, "declined"),
        booking_id=uuid.UUID(forum),
        task_id=caterer_task,
        kind="catering",
        vendor_id=caterer,
        in_reply_to=assigned,
        reason="kitchen closed for repairs",
    )
    _answer(stack, declined, answers_sent)
    wait_until(
        lambda: count(
            stack,
            "catering",
            f"SELECT count(*) FROM vendor_tasks WHERE task_id = '{caterer_task}'"
            " AND state <> 'awaiting_answer'",
        )
    )
    _settle(stack)
    return {"forum": forum, "workshop": workshop, "dropped": dropped, "vip": vip, "refused": refused}


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# ISO 8601 as PostgreSQL and JSON write it, and the basic form of iCalendar (DTSTAMP:20261124T074320Z)
_INSTANT = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}(?::?\d{2})?|Z)|\d{8}T\d{6}Z"
)

# a moment as notices render it: "26 November 2026, 15:47" (en), "2026年11月26日 15:47" (zh-CN)
_MONTHS = "January February March April May June July August September October November December".split()
_RENDERED = re.compile(
    rf"(?P<en_day>\d{{1,2}}) (?P<en_month>{'|'.join(_MONTHS)}) (?P<en_year>\d{{4}}), \d{{2}}:\d{{2}}"
    r"|(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日 \d{2}:\d{2}"
)


def _normalise(value: Any, labels: dict[str, str], clock_until: datetime) -> Any:
    """Booking ids become their labels, other ids ``<uuid>``, readings of the clock ``<clock>``."""
    if isinstance(value, dict):
        return {k: _normalise(v, labels, clock_until) for k, v in value.items() if k not in SKIPPED_COLUMNS}
    if isinstance(value, list):
        return [_normalise(item, labels, clock_until) for item in value]
    if not isinstance(value, str):
        return value
    text = _UUID.sub(lambda found: labels.get(found.group(), "<uuid>"), value)

    def instant(found: re.Match[str]) -> str:
        written = found.group()
        moment = (
            datetime.strptime(written, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            if "-" not in written[:8]
            else datetime.fromisoformat(written.replace(" ", "T"))
        )
        return "<clock>" if moment < clock_until else written

    def rendered(found: re.Match[str]) -> str:
        if found["en_year"]:
            year, month, day = (
                int(found["en_year"]),
                _MONTHS.index(found["en_month"]) + 1,
                int(found["en_day"]),
            )
        else:
            year, month, day = int(found["year"]), int(found["month"]), int(found["day"])
        return "<clock>" if datetime(year, month, day, tzinfo=UTC) < clock_until else found.group()

    return _RENDERED.sub(rendered, _INSTANT.sub(instant, text))


# A known race, not caused by duplicates, that either run may resolve either way, left out of the
# comparison: a cancelled booking's vendor reminders are settled by BookingCancelled or by
# VendorTaskCancelled, whichever of notify's two consumers gets there first; each writes its own reason.
# Notify's rows per table: which to leave out, and which columns.
RACY: dict[str, tuple[str, tuple[str, ...]]] = {
    "reminders": ("true", ("reason",)),
}


def _dump(
    stack: Stack, database: str, bookings: dict[str, str], clock_until: datetime
) -> dict[str, list[str]]:
    labels = {booking_id: f"<booking {label}>" for label, booking_id in bookings.items()}
    tables = stack.postgres.psql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        " AND table_type = 'BASE TABLE' ORDER BY table_name",
        database,
    ).split()
    dumped = {}
    for table in sorted(set(tables) - SKIPPED_TABLES):
        where, columns = RACY.get(table, ("true", ())) if database == "notify" else ("true", ())
        dropped = "".join(f" - '{column}'" for column in columns)
        sql = f'SELECT to_jsonb(t){dropped} FROM "{table}" t WHERE {where.format(**bookings)}'
        dumped[table] = sorted(
            json.dumps(_normalise(json.loads(row), labels, clock_until), sort_keys=True, ensure_ascii=False)
            for row in stack.postgres.psql(sql, database).splitlines()
            if row
        )
    return dumped


def _run(stack: Stack, answers_sent: int) -> Run:
    folder = stack.config.data_dir
    try:
        stack.start_infrastructure()
        stack.start_services()
        bookings = _scenario(stack, answers_sent)
        clock_until = datetime.now(UTC) + timedelta(days=FIRST_DAY // 2)
        handled = collections.Counter[str]()
        for database in SERVICES:
            for line in filter(
                None,
                stack.postgres.psql("SELECT consumer, count(*) FROM inbox GROUP BY 1", database).splitlines(),
            ):
                consumer, number = line.split("|")
                handled[consumer] += int(number)
        return Run(
            bookings=bookings,
            tables={database: _dump(stack, database, bookings, clock_until) for database in SERVICES},
            subjects=collections.Counter(
                stored.subject for name in STREAMS for stored in stream_messages(stack, name)
            ),
            handled=dict(handled),
            delivered={name: deliveries(info) for name, info in consumer_states(stack).items()},
        )
    finally:
        stop_discarded(stack)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def runs() -> Iterator[dict[str, Run]]:
    plain = _run(Stack(StackConfig.ephemeral(stack_folder("faults-plain"))), answers_sent=1)
    doubled = _run(DoubledStack(StackConfig.ephemeral(stack_folder("faults-doubled"))), answers_sent=2)
    yield {"plain": plain, "doubled": doubled}


def test_the_doubled_run_really_delivered_every_message_twice(runs: dict[str, Run]):
    plain, doubled = runs["plain"], runs["doubled"]
    assert sum(plain.subjects.values()) > 50, plain.subjects  # the scenario did run through every service
    assert doubled.subjects == {subject: 2 * number for subject, number in plain.subjects.items()}
    # each message was handled once in either run, though every consumer got each one twice
    assert doubled.handled == plain.handled
    for durable, number in plain.delivered.items():
        assert doubled.delivered[durable] >= 2 * number, (durable, doubled.delivered, plain.delivered)


@pytest.mark.parametrize("database", SERVICES)
def test_every_database_ends_as_in_the_run_without_duplicates(runs: dict[str, Run], database: str):
    plain, doubled = runs["plain"].tables[database], runs["doubled"].tables[database]
    assert sorted(plain) == sorted(doubled)
    assert any(plain.values()), f"{database} holds nothing: the scenario did not reach it"
    for table in plain:
        assert doubled[table] == plain[table], table
