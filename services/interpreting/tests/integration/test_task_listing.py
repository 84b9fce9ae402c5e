"""The agencies' task listing over real NATS request/reply: each agency sees its own tasks, never another's."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import msgspec
import nats
import pytest

from deploy.embedded.stack import Stack
from services.interpreting import handlers
from services.interpreting.domain.roster import Roster
from services.interpreting.tests.integration.commands import published, run
from shared.contracts import ConfirmInterpreting, ReserveInterpreting
from shared.contracts.tasks import VendorTaskList, VendorTaskQuery
from shared.db.unit_of_work import Database
from shared.messaging.responders import serve
from shared.participant.entrypoints.listing import listing_responder

pytestmark = pytest.mark.integration

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)


async def test_each_agency_lists_only_its_own_tasks(infra: Stack, database: Database, roster: Roster):
    bookings = []
    for floor, target, hours in (
        ("en", "zh", 3),
        ("zh", "ja", 0.5),
    ):  # yangtze + silkroad, then silkroad alone
        reserve = ReserveInterpreting(
            booking_id=uuid.uuid4(),
            space_id="room-a",
            starts_at=START,
            ends_at=START + timedelta(hours=hours),
            floor_language=floor,
            target_languages=[target],
            attendees=60,
        )
        await run(database, handlers.reserve, reserve, roster)
        await run(database, handlers.confirm, ConfirmInterpreting(booking_id=reserve.booking_id), roster)
        bookings.append(reserve.booking_id)
    # the listing answers on a queue group of its own name, so a test run beside others gets its own
    responder = listing_responder(database, "interpreting", f"test-{uuid.uuid4().hex[:8]}")
    connection = await nats.connect(infra.nats.url)
    try:
        await serve(connection, [responder])

        async def listing(vendor: str, body: bytes = b"") -> VendorTaskList:
            reply = await connection.request(f"vendors.interpreting.{vendor}.tasks", body, timeout=10)
            return msgspec.json.decode(reply.data, type=VendorTaskList)

        silkroad = await listing("agency-silkroad", msgspec.json.encode(VendorTaskQuery()))
        yangtze = await listing("agency-yangtze")
        nobody = await listing("agency-unknown")
        bad = await listing("agency-yangtze", b"{not json")
    finally:
        await connection.close()

    assert sorted(task.booking_id for task in silkroad.tasks) == sorted(bookings)
    assert [task.booking_id for task in yangtze.tasks] == [bookings[0]]
    assert all(task.vendor_id == "agency-silkroad" for task in silkroad.tasks)
    assert nobody.tasks == [] and nobody.error == ""
    assert bad.tasks == [] and bad.error.startswith("bad query")
    [view] = yangtze.tasks
    sent = [
        body for s, body in await published(database, bookings[0]) if s.endswith("agency-yangtze.assigned")
    ]
    assert (view.state, str(view.in_reply_to)) == ("awaiting_answer", sent[0]["message_id"])
    assert view.work is not None and view.work.details["interpreters"] == sent[0]["details"]["interpreters"]
    assert view.answer_due is not None and view.answer_due > datetime.now(UTC)
