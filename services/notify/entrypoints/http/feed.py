"""The in-app feed over HTTP. Thin: check the query, read the feed, encode."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from asyncpg import Record
from litestar import Controller, Request, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from services.notify.adapters import repository
from services.notify.entrypoints.dependencies import NotifyDependencies
from services.notify.entrypoints.http import checks
from services.notify.entrypoints.http.auth import caller
from services.notify.entrypoints.schemas.feed import ChannelState, Notification
from shared.http.problems import ApiError, FieldError


def _notification(row: Record) -> Notification:
    return Notification(
        id=row["id"],
        booking_id=row["booking_id"],
        event=row["event"],
        locale=row["locale"],
        subject=row["subject"],
        body=row["body"],
        created_at=row["created_at"],
        channels=msgspec.convert(row["channels"], dict[str, ChannelState]),
    )


class NotificationsController(Controller):
    path = "/notifications"
    tags = ["notifications"]

    @get("/", operation_id="ListNotifications")
    async def list_notifications(
        self,
        deps: NamedDependency[NotifyDependencies],
        request: Request[Any, Any, Any],
        booking_id: Annotated[
            str | None,
            QueryParameter(description="a booking's id (UUID): what its organizer was told", required=False),
        ] = None,
        email: Annotated[
            str | None, QueryParameter(description="the recipient's e-mail address", required=False)
        ] = None,
        recipient: Annotated[
            str | None,
            QueryParameter(
                description="a recipient key: organizer:<e-mail>, vendor:<id> or staff:<id>", required=False
            ),
        ] = None,
        limit: Annotated[
            int, QueryParameter(ge=1, le=200, description="at most this many, newest first")
        ] = 50,
    ) -> list[Notification]:
        """The in-app feed of a booking or of a recipient, newest first, with each channel's delivery state.

        Organizers see only what they were told; staff and ops see everyone's."""
        wanted_booking = checks.uuid_or_none("booking_id", booking_id)
        wanted_email = checks.email_or_none("email", email)
        wanted_key = (
            checks.recipient_key(recipient, "recipient", guests=True) if recipient is not None else None
        )
        who = await caller(request, deps)
        if who.role == "organizer":
            own = f"organizer:{who.email}"
            if (wanted_email and wanted_email.lower() != who.email) or (wanted_key and wanted_key != own):
                raise ApiError(403, "Not your feed", "organizers read only what they were told")
            wanted_email = who.email
        if wanted_booking is None and wanted_email is None and wanted_key is None:
            raise ApiError(
                400,
                "Invalid query parameter",
                "give booking_id, email or recipient",
                [
                    FieldError("booking_id", "required unless email or recipient is given"),
                    FieldError("email", "required unless booking_id or recipient is given"),
                ],
            )
        async with deps.database.connection() as connection:
            rows = await repository.feed(connection, wanted_booking, wanted_email, limit, wanted_key)
        return [_notification(row) for row in rows]
