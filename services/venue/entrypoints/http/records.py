"""Exchange-activity records of held events, and the performance sheet the venue publishes."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated

import asyncpg
from litestar import Controller, get, put
from litestar.di import Provide
from litestar.params import Parameter

from services.venue.domain.access import Principal, Role
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.entrypoints.schemas.records import ActivityRecord, ActivityRecordUpdate, PerformanceSheet
from services.venue.handlers import records
from shared.http.api_docs import PUBLIC
from shared.telemetry import trace_id_hex


def _record(row: asyncpg.Record) -> ActivityRecord:
    return ActivityRecord(
        booking_id=row["booking_id"],
        physical_attendees=row["physical_attendees"],
        online_attendees=row["online_attendees"],
        guest_countries=row["guest_countries"],
        media_reports=row["media_reports"],
        cooperation_partners=row["cooperation_partners"],
        follow_up_actions=row["follow_up_actions"],
        recorded_by=row["recorded_by"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


class ActivityRecordsController(Controller):
    path = "/bookings/{booking_id:uuid}/record"
    tags = ["activity records"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = REFUSALS

    @put("/", operation_id="PutActivityRecord")
    async def put_record(
        self,
        booking_id: uuid.UUID,
        data: ActivityRecordUpdate,
        deps: VenueDependencies,
        principal: Principal,
    ) -> ActivityRecord:
        """Record what happened at the event (organizer or staff); 409 before it ended or unless confirmed."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        figures = records.ActivityFigures(
            physical_attendees=data.physical_attendees,
            online_attendees=data.online_attendees,
            guest_countries=list(data.guest_countries),
            media_reports=data.media_reports,
            cooperation_partners=list(data.cooperation_partners),
            follow_up_actions=list(data.follow_up_actions),
        )
        row = await records.save_record(
            deps.database, principal, booking_id, figures, datetime.now(UTC), trace_id_hex()
        )
        return _record(row)

    @get("/", operation_id="GetActivityRecord")
    async def get_record(
        self, booking_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> ActivityRecord:
        """What was recorded for the event (404 until someone records it)."""
        return _record(await records.get_record(deps.database, principal, booking_id))


class StatsController(Controller):
    path = "/stats"
    security = PUBLIC
    tags = ["activity records"]
    exception_handlers = REFUSALS

    @get("/", operation_id="GetPerformanceSheet")
    async def stats(
        self,
        deps: VenueDependencies,
        first_day: Annotated[
            date, Parameter(query="from", description="first venue-local day, e.g. 2027-01-01")
        ],
        last_day: Annotated[date, Parameter(query="to", description="last venue-local day, included")],
    ) -> PerformanceSheet:
        """Events held, guests, countries, online attendance, media reports and partners over a period (public)."""
        zone = deps.catalog.venue.zone
        sheet = await records.performance_sheet(deps.database, first_day, last_day, zone, datetime.now(UTC))
        return PerformanceSheet(
            first_day=first_day,
            last_day=last_day,
            events_held=sheet["events_held"],
            events_recorded=sheet["events_recorded"],
            guests=sheet["guests"],
            countries=len(sheet["countries"]),
            country_codes=list(sheet["countries"]),
            online_attendance=sheet["online_attendance"],
            media_reports=sheet["media_reports"],
            cooperation_partners=sheet["cooperation_partners"],
        )
