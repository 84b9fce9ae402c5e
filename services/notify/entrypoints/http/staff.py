"""Staff: urgent broadcasts and their delivery report (guarded: the venue staff's key)."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_202_ACCEPTED

from services.notify.adapters.venue_people import PeopleUnavailable
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
from shared.contracts.guests import PeopleOnSite, PeopleOnSiteQuery

log = logging.getLogger(__name__)

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
    if data.scope is not None:
        _check_scope(data)
    for locale, notice in data.notices.items():
        if not notice.headline.strip() or len(notice.headline) > 200:
            raise checks.invalid(f"notices.{locale}.headline", "must be 1 to 200 characters", 422)
        if not notice.message.strip() or len(notice.message) > 4000:
            raise checks.invalid(f"notices.{locale}.message", "must be 1 to 4000 characters", 422)


def _check_scope(data: BroadcastCreate) -> None:
    scope = data.scope
    assert scope is not None
    if scope.kind == "venue" and scope.id:
        raise checks.invalid("scope.id", "must be empty for the whole venue", 422)
    if scope.kind != "venue" and not scope.id:
        raise checks.invalid("scope.id", f"name the {scope.kind}", 422)
    if scope.kind == "booking":
        try:
            uuid.UUID(scope.id)
        except ValueError:
            raise checks.invalid("scope.id", "is not a booking id", 422) from None
    for locale in ("zh-CN", "en"):
        if locale not in data.notices:
            raise checks.invalid(f"notices.{locale}", "is required for a notice to people on site", 422)


async def _people(deps: NotifyDependencies, data: BroadcastCreate) -> PeopleOnSite | None:
    """Who the venue says is on site in the scope; None when not asked or it did not answer."""
    if data.scope is None or deps.people is None or not data.audience.guests:
        return None
    query = PeopleOnSiteQuery(
        scope=data.scope.kind, scope_id=data.scope.id, starts_at=data.starts_at, ends_at=data.ends_at
    )
    try:
        return await deps.people.on_site(query)
    except PeopleUnavailable as error:  # the notice still reaches the organizers and vendors we know
        log.error("venue did not say who is on site", extra={"fields": {"error": str(error)}})
        return None


class BroadcastsController(Controller):
    path = "/staff/broadcasts"
    guards = [staff_guard]
    tags = ["staff"]

    @post("/", operation_id="CreateBroadcast", status_code=HTTP_202_ACCEPTED)
    async def create_broadcast(
        self, deps: NamedDependency[NotifyDependencies], data: JSONBody[BroadcastCreate]
    ) -> BroadcastReceipt:
        """Send an urgent notice to every organizer, vendor and guest with an event in the window (within
        the scope, when given), on all their channels."""
        _check(data)
        broadcast_id = uuid.uuid4()
        people = await _people(deps, data)
        async with deps.database.transaction() as unit:
            recipients = await send_broadcast(
                unit, deps.notifier, broadcast_id, data.starts_at, data.ends_at, data.notices,
                data.scope, data.audience, people,
            )  # fmt: skip
        return BroadcastReceipt(
            broadcast_id=broadcast_id,
            recipients=recipients,
            report=f"/staff/broadcasts/{broadcast_id}",
            guests=len(people.guests) if people is not None else None,
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
