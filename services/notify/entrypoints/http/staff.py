"""Staff: urgent broadcasts and their delivery report (guarded: the venue staff's key)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_202_ACCEPTED

from services.notify.entrypoints.dependencies import NotifyDependencies
from services.notify.entrypoints.http import checks
from services.notify.entrypoints.http.auth import staff_guard
from services.notify.entrypoints.schemas.staff import (
    BroadcastCreate,
    BroadcastReceipt,
    BroadcastReport,
    ChannelDelivery,
    RecipientDelivery,
)
from services.notify.handlers.broadcasts import broadcast_report, send_broadcast

LONGEST_WINDOW = timedelta(days=31)


def _check(data: JSONBody[BroadcastCreate]) -> None:
    if data.starts_at.tzinfo is None:
        raise checks.invalid("starts_at", "needs a UTC offset, e.g. 2027-03-02T08:00:00+08:00", 422)
    if data.ends_at.tzinfo is None:
        raise checks.invalid("ends_at", "needs a UTC offset, e.g. 2027-03-02T22:00:00+08:00", 422)
    if data.ends_at <= data.starts_at:
        raise checks.invalid("ends_at", "must be after starts_at", 422)
    if data.ends_at - data.starts_at > LONGEST_WINDOW:
        raise checks.invalid("ends_at", "the window may span at most 31 days", 422)
    if not data.notices:
        raise checks.invalid("notices", "give the notice in at least one language, e.g. en", 422)
    for locale, notice in data.notices.items():
        if not notice.headline.strip() or len(notice.headline) > 200:
            raise checks.invalid(f"notices.{locale}.headline", "must be 1 to 200 characters", 422)
        if not notice.message.strip() or len(notice.message) > 4000:
            raise checks.invalid(f"notices.{locale}.message", "must be 1 to 4000 characters", 422)


class BroadcastsController(Controller):
    path = "/staff/broadcasts"
    guards = [staff_guard]
    tags = ["staff"]

    @post("/", operation_id="CreateBroadcast", status_code=HTTP_202_ACCEPTED)
    async def create_broadcast(
        self, deps: NamedDependency[NotifyDependencies], data: JSONBody[BroadcastCreate]
    ) -> BroadcastReceipt:
        """Send an urgent notice to every organizer and vendor with an event in the window, on all channels."""
        _check(data)
        broadcast_id = uuid.uuid4()
        async with deps.database.transaction() as unit:
            recipients = await send_broadcast(
                unit, deps.notifier, broadcast_id, data.starts_at, data.ends_at, data.notices
            )
        return BroadcastReceipt(
            broadcast_id=broadcast_id, recipients=recipients, report=f"/staff/broadcasts/{broadcast_id}"
        )

    @get("/{broadcast_id:uuid}", operation_id="GetBroadcastReport")
    async def get_report(
        self, deps: NamedDependency[NotifyDependencies], broadcast_id: FromPath[uuid.UUID]
    ) -> BroadcastReport:
        """The broadcast's delivery report: delivered / failed / pending per recipient, and totals."""
        async with deps.database.connection() as connection:
            report = await broadcast_report(connection, broadcast_id)
        if report is None:
            raise checks.invalid("broadcast_id", "no such broadcast", 404, "Unknown broadcast")
        row = report.broadcast
        return BroadcastReport(
            broadcast_id=row["id"],
            created_at=row["created_at"],
            starts_at=row["window_starts_at"],
            ends_at=row["window_ends_at"],
            totals=report.totals,
            channels=report.channels,
            recipients=[
                RecipientDelivery(
                    recipient=r.recipient,
                    kind=r.kind,
                    state=r.state,
                    channels=[ChannelDelivery(**channel) for channel in r.channels],
                )
                for r in report.recipients
            ],
        )
