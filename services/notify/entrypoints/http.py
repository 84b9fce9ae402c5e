"""The in-app feed over HTTP. Thin: check the query, read the feed, encode."""

from __future__ import annotations

import re
import uuid
from typing import Annotated

import msgspec
from asyncpg import Record
from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import Parameter

from services.notify.adapters import repository
from services.notify.entrypoints.schemas import ChannelState, Notification
from shared.http.problems import ApiError, FieldError
from shared.service import Context

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _invalid(field: str, reason: str) -> ApiError:
    return ApiError(400, "Invalid query parameter", f"{field}: {reason}", [FieldError(field, reason)])


def _booking_id(value: str | None) -> uuid.UUID | None:
    if value is None:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise _invalid("booking_id", "must be a UUID, e.g. 0b7e3a4c-5a4e-4f8e-9a43-3f1a2b6c7d8e") from None


def _email(value: str | None) -> str | None:
    if value is None:
        return None
    if len(value) > 254 or not _EMAIL.match(value):
        raise _invalid("email", "must be an e-mail address")
    return value


def _notification(row: Record) -> Notification:
    return Notification(
        id=row["id"], booking_id=row["booking_id"], event=row["event"], locale=row["locale"],
        subject=row["subject"], body=row["body"], created_at=row["created_at"],
        channels=msgspec.convert(row["channels"], dict[str, ChannelState]),
    )  # fmt: skip


class NotificationsController(Controller):
    path = "/notifications"
    tags = ["notifications"]

    @get("/", operation_id="ListNotifications")
    async def list_notifications(
        self,
        context: NamedDependency[Context],
        booking_id: Annotated[
            str | None, Parameter(description="a booking's id (UUID)", required=False)
        ] = None,
        email: Annotated[
            str | None, Parameter(description="the recipient's e-mail address", required=False)
        ] = None,
        limit: Annotated[int, Parameter(ge=1, le=200, description="at most this many, newest first")] = 50,
    ) -> list[Notification]:
        """The in-app feed of a booking or of a recipient, newest first, with each channel's delivery state."""
        wanted_booking, wanted_email = _booking_id(booking_id), _email(email)
        if wanted_booking is None and wanted_email is None:
            raise ApiError(
                400, "Invalid query parameter", "give booking_id or email",
                [FieldError("booking_id", "required unless email is given"),
                 FieldError("email", "required unless booking_id is given")],
            )  # fmt: skip
        async with context.database.pool.acquire() as connection:
            rows = await repository.feed(connection, wanted_booking, wanted_email, limit)
        return [_notification(row) for row in rows]
