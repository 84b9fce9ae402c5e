"""Ops: every delivery with each attempt and outcome; what the dev SMS provider recorded (ops or staff key)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from services.notify.adapters import ops
from services.notify.entrypoints.dependencies import NotifyDependencies
from services.notify.entrypoints.http import checks
from services.notify.entrypoints.http.auth import ops_guard
from services.notify.entrypoints.schemas.ops import Attempt, DeliveryRecord, DevSms


class OpsController(Controller):
    path = "/ops"
    guards = [ops_guard]
    tags = ["ops"]

    @get("/deliveries", operation_id="ListDeliveries")
    async def list_deliveries(
        self,
        deps: NamedDependency[NotifyDependencies],
        booking_id: Annotated[
            str | None, QueryParameter(description="a booking's id (UUID)", required=False)
        ] = None,
        recipient: Annotated[
            str | None, QueryParameter(description="a recipient key", required=False)
        ] = None,
        channel: Annotated[
            str | None, QueryParameter(description="in_app | email | sms | webhook", required=False)
        ] = None,
        delivery_state: Annotated[
            str | None,
            QueryParameter(name="state", description="pending | sent | failed | skipped", required=False),
        ] = None,
        message_id: Annotated[
            str | None, QueryParameter(description="the event, reminder or broadcast id", required=False)
        ] = None,
        limit: Annotated[
            int, QueryParameter(ge=1, le=500, description="at most this many, newest first")
        ] = 100,
    ) -> list[DeliveryRecord]:
        """Deliveries by booking, recipient, channel, state or message, each with its attempts and outcomes."""
        async with deps.database.connection() as connection:
            rows = await ops.deliveries(
                connection,
                checks.uuid_or_none("booking_id", booking_id),
                checks.recipient_key(recipient, "recipient", guests=True) if recipient is not None else None,
                checks.channel(channel),
                checks.choice("state", delivery_state, checks.DELIVERY_STATES),
                checks.uuid_or_none("message_id", message_id),
                limit,
            )
        return [
            DeliveryRecord(
                **{
                    name: row[name]
                    for name in DeliveryRecord.__struct_fields__
                    if name not in ("recipient", "attempt_log")
                },
                recipient=row["recipient_key"],
                attempt_log=msgspec.convert(row["attempt_log"], list[Attempt]),
            )
            for row in rows
        ]

    @get("/dev-sms", operation_id="ListDevSms")
    async def list_dev_sms(
        self,
        deps: NamedDependency[NotifyDependencies],
        phone: Annotated[
            str | None, QueryParameter(description="only messages to this number", required=False)
        ] = None,
        limit: Annotated[
            int, QueryParameter(ge=1, le=500, description="at most this many, newest first")
        ] = 100,
    ) -> list[DevSms]:
        """What the development SMS provider would have sent (nothing leaves the machine)."""
        async with deps.database.connection() as connection:
            rows = await ops.dev_sms(connection, phone, limit)
        return [DevSms(**dict(row)) for row in rows]
