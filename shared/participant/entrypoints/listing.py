"""A vendor's task listing, answered over core NATS on ``vendors.<kind>.<vendor_id>.tasks``.

The vendor is the one named by the subject, which NATS permissions let only that vendor publish on;
the request body cannot name another vendor. The listing gives what a vendor needs to answer: each
task's state, deadline, the message id an answer names (``in_reply_to``) and the latest work.
"""

from __future__ import annotations

import msgspec

from shared.contracts.tasks import (
    VENDOR_TASKS_QUERY,
    VendorTaskAssigned,
    VendorTaskList,
    VendorTaskQuery,
    VendorTaskView,
)
from shared.db.unit_of_work import Database
from shared.messaging.responders import Responder
from shared.participant.adapters import vendor_tasks as store

_query = msgspec.json.Decoder(VendorTaskQuery)
_encoder = msgspec.json.Encoder()
_VENDOR_TOKEN = VENDOR_TASKS_QUERY.split(".").index("{vendor_id}")


def vendor_of(subject: str) -> str:
    """The vendor id token of ``vendors.<kind>.<vendor_id>.tasks``."""
    return subject.split(".")[_VENDOR_TOKEN]


async def task_list(database: Database, kind: str, vendor_id: str, query: VendorTaskQuery) -> VendorTaskList:
    async with database.connection() as connection:
        rows = await store.listing(connection, vendor_id, query.include_closed)
    return VendorTaskList(
        tasks=[
            VendorTaskView(
                task_id=row["task_id"],
                booking_id=row["booking_id"],
                kind=kind,
                vendor_id=row["vendor_id"],
                state=row["state"],
                answer_due=row["answer_due"],
                in_reply_to=row["message_id"],
                work=None
                if row["state"] == "cancelled" or row["work"] is None
                else msgspec.convert(row["work"], VendorTaskAssigned),
            )
            for row in rows
        ]
    )


def listing_responder(database: Database, kind: str, service: str) -> Responder:
    """The responder of every ``vendors.<kind>.*.tasks`` request, in the service's queue group."""

    async def answer(subject: str, payload: bytes) -> bytes:
        try:
            query = _query.decode(payload) if payload.strip() else VendorTaskQuery()
        except (msgspec.DecodeError, msgspec.ValidationError) as error:
            return _encoder.encode(VendorTaskList(error=f"bad query: {error}"))
        return _encoder.encode(await task_list(database, kind, vendor_of(subject), query))

    subject = VENDOR_TASKS_QUERY.format(kind=kind, vendor_id="*")
    return Responder(subject, queue=f"{service}-vendor-tasks", answer=answer)
