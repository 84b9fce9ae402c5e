"""The ops API (ops role only; staff and organizers get 403): sagas by state, stuck sagas, overdue vendor
tasks, every service's health and consumer lag, notify's failed deliveries, and ops' audit trail.
Dead letters are in ``ops_dead_letters_http``."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Annotated, Any, Literal
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import asyncpg
import msgspec
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency, Provide
from litestar.params import Parameter

from services.venue.adapters.ops import nats
from services.venue.adapters.ops.sagas import SagaQuery
from services.venue.adapters.ops.services import NotifyRefused, NotifyUnavailable, failed_deliveries
from services.venue.domain.access import Principal, Role
from services.venue.domain.ops import StuckRules, default_in_flight
from services.venue.domain.vendor_tasks import cursor_after, position_of
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, bearer, require
from services.venue.entrypoints.http.vendor_tasks import NEXT_PAGE, vendor_task
from services.venue.entrypoints.schemas.ops import (
    ConsumerLag,
    NotificationFailure,
    OpsAuditEntry,
    OpsHealth,
    OverdueVendorTask,
    Saga,
    SagaPage,
    ServiceHealth,
    StuckSagas,
    WaitingStep,
)
from services.venue.handlers.ops.dead_letters import ops_trail
from services.venue.handlers.ops.health import HealthReport, health_report
from services.venue.handlers.ops.sagas import (
    SagaView,
    overdue_vendor_tasks,
    revision_of,
    sagas_by_state,
    stuck_sagas,
)
from shared.http.problems import ApiError, FieldError

SagaState = Literal[
    "option", "expired", "running", "compensating", "confirmed", "rejected", "cancelled", "applied"
]
Limit = Annotated[int, Parameter(ge=1, le=500, description="at most this many")]


def saga_out(view: SagaView) -> Saga:
    row = view.row
    return Saga(
        kind=row["kind"],
        booking_id=row["booking_id"],
        revision=revision_of(row),
        state=row["state"],
        status=row.get("status"),
        reason=row.get("reason"),
        started_at=row["started_at"],
        updated_at=row["updated_at"],
        trace_id=row["trace_id"],
        waiting_on=[WaitingStep(step=s.step, state=s.state, deadline=s.deadline) for s in view.waiting],
        stuck_because=view.stuck_because,
    )


def _position(cursor: str | None) -> tuple[datetime, uuid.UUID, int] | None:
    if cursor is None:
        return None
    try:
        at, saga = position_of(cursor)
        booking_id, revision = saga.split(":")
        return at, uuid.UUID(booking_id), int(revision)
    except ValueError:
        reason = "not a cursor this API gave"
        raise ApiError(400, "Invalid query parameter", reason, [FieldError("cursor", reason)]) from None


def _lag_out(lag: nats.ConsumerLag) -> ConsumerLag:
    return ConsumerLag(
        stream=lag.stream,
        durable=lag.durable,
        num_pending=lag.num_pending,
        num_ack_pending=lag.num_ack_pending,
        num_redelivered=lag.num_redelivered,
        bound=lag.bound,
    )


def health_out(report: HealthReport) -> OpsHealth:
    services = []
    for service in report.services:
        lag = [c for c in report.lag if c.service == service.service]
        shown = ServiceHealth(
            service=service.service,
            url=service.url,
            ready=service.ready,
            checks=service.checks,
            error=service.error,
            pending=sum(c.num_pending + c.num_ack_pending for c in lag),
            consumers=[_lag_out(c) for c in lag],
        )
        services.append(shown)
    return OpsHealth(
        status="ok" if report.healthy else "degraded",
        services=services,
        dead_letters=report.dead_letters,
        nats_error=report.nats_error,
    )


def overdue_out(row: asyncpg.Record, now: datetime, venue_zone: tzinfo) -> OverdueVendorTask:
    shown = vendor_task(row, venue_zone, ZoneInfo(row["organizer_zone"] or "UTC"))
    return OverdueVendorTask(
        **{name: getattr(shown, name) for name in shown.__struct_fields__},
        booking_id=row["booking_id"],
        title=row["title"],
        starts_at=row["starts_at"],
        version=row["version"],
        overdue_seconds=int((now - row["answer_due"]).total_seconds()),
    )


class OpsController(Controller):
    path = "/ops"
    tags = ["ops"]
    dependencies = {"principal": Provide(authenticate)}

    @get("/sagas", operation_id="ListSagas", response_headers=[NEXT_PAGE])
    async def list_sagas(
        self,
        deps: VenueDependencies,
        principal: Principal,
        saga_state: Annotated[SagaState | None, Parameter(query="state", description="e.g. running")] = None,
        kind: Literal["booking", "change"] | None = None,
        cursor: Annotated[str | None, Parameter(description="from the previous page's Link header")] = None,
        limit: Limit = 100,
    ) -> Response[SagaPage]:
        """Counts of booking and change sagas per state, and a page of them, newest change first (ops)."""
        require(principal, Role.OPS)
        query = SagaQuery(kind=kind, state=saga_state, after=_position(cursor), limit=limit)
        counts, views = await sagas_by_state(deps.database, query)
        page = SagaPage(counts=counts, sagas=[saga_out(view) for view in views])
        headers = {}
        if len(views) == limit:
            last = views[-1].row
            wanted = {
                "state": saga_state,
                "kind": kind,
                "limit": limit,
                "cursor": cursor_after(last["updated_at"], f"{last['booking_id']}:{last['revision']}"),
            }
            query_string = urlencode({name: value for name, value in wanted.items() if value is not None})
            headers["Link"] = f'</ops/sagas?{query_string}>; rel="next"'
        return Response(page, headers=headers)

    @get("/sagas/stuck", operation_id="ListStuckSagas")
    async def list_stuck(
        self,
        deps: VenueDependencies,
        principal: Principal,
        grace_seconds: Annotated[
            float, Parameter(ge=0, le=86400, description="a step this long past its deadline is stuck")
        ] = 30.0,
        in_flight_seconds: Annotated[
            float | None,
            Parameter(ge=0, description="a saga in flight this long is stuck [2 × step timeout + grace]"),
        ] = None,
        limit: Limit = 100,
    ) -> StuckSagas:
        """Sagas with a step past its deadline by more than the grace, or in flight too long (ops)."""
        require(principal, Role.OPS)
        grace = timedelta(seconds=grace_seconds)
        step_timeout = deps.saga.step_timeout
        in_flight = (
            timedelta(seconds=in_flight_seconds)
            if in_flight_seconds is not None
            else default_in_flight(step_timeout, grace)
        )
        views = await stuck_sagas(deps.database, StuckRules(grace, in_flight), datetime.now(UTC), limit)
        return StuckSagas(
            grace_seconds=grace.total_seconds(),
            in_flight_seconds=in_flight.total_seconds(),
            sagas=[saga_out(view) for view in views],
        )

    @get("/vendor-tasks/overdue", operation_id="ListOverdueVendorTasks")
    async def list_overdue(
        self, deps: VenueDependencies, principal: Principal, limit: Limit = 100
    ) -> list[OverdueVendorTask]:
        """Vendor tasks still awaiting an answer after their answer deadline, longest overdue first (ops)."""
        require(principal, Role.OPS)
        now = datetime.now(UTC)
        venue_zone = deps.catalog.venue.zone
        rows = await overdue_vendor_tasks(deps.database, now, limit)
        return [overdue_out(row, now, venue_zone) for row in rows]

    @get("/health", operation_id="GetOpsHealth")
    async def health(
        self,
        deps: VenueDependencies,
        principal: Principal,
        readiness: NamedDependency[dict[str, Any]],
    ) -> OpsHealth:
        """Each service's readiness and its JetStream consumers' lag (pending, unacknowledged), dead letters (ops)."""
        require(principal, Role.OPS)
        return health_out(await health_report(deps.config, readiness))

    @get("/notifications/failures", operation_id="ListNotificationFailures")
    async def notification_failures(
        self,
        request: Request[Any, Any, Any],
        deps: VenueDependencies,
        principal: Principal,
        booking_id: uuid.UUID | None = None,
        limit: Limit = 100,
    ) -> list[NotificationFailure]:
        """Deliveries notify gave up on, newest first, from notify's ops API (ops)."""
        require(principal, Role.OPS)
        credential = bearer(request) or ""
        try:
            found = await failed_deliveries(deps.config.notify_url, credential, booking_id, limit)
        except NotifyUnavailable as error:
            raise ApiError(503, "notify is not available", str(error)) from None
        except NotifyRefused as error:
            hint = (
                " (notify takes the venue's ops keys in WICT_OPS_API_KEYS)"
                if error.status in (401, 403)
                else ""
            )
            raise ApiError(502, "notify refused the request", f"{error}{hint}") from None
        return msgspec.convert(found, list[NotificationFailure])

    @get("/audit", operation_id="ListOpsAudit", response_headers=[NEXT_PAGE])
    async def audit(
        self,
        deps: VenueDependencies,
        principal: Principal,
        before: Annotated[int | None, Parameter(ge=1, description="entries below this id")] = None,
        limit: Limit = 100,
    ) -> Response[list[OpsAuditEntry]]:
        """Ops' actions on dead letters (shown, replayed, discarded), newest first (ops)."""
        require(principal, Role.OPS)
        rows = await ops_trail(deps.database, before, limit)
        headers = (
            {"Link": f'</ops/audit?before={rows[-1]["id"]}&limit={limit}>; rel="next"'}
            if len(rows) == limit
            else {}
        )
        return Response([OpsAuditEntry(**dict(row)) for row in rows], headers=headers)
