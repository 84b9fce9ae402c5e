"""The person's messages: notify's in-app feed (GET /notifications with their own venue token)."""

from __future__ import annotations

import uuid

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromQuery
from litestar.response import Template

from services.web.entrypoints.http.rendering import page
from services.web.entrypoints.http.viewer import Viewer


class NotificationsController(Controller):
    path = "/notifications"
    tags = ["notifications"]

    @get("/")
    async def feed(
        self, viewer: NamedDependency[Viewer], booking: FromQuery[uuid.UUID | None] = None
    ) -> Template:
        """What the person was told (notify checks the token with the venue: only their own)."""
        person = viewer.person()
        if booking is not None:
            params = {"booking_id": str(booking), "limit": 100}
        else:
            me = await person.call("GET", "/me")
            params = {"email": me["email"], "limit": 100}
        items = await person.notify_call("GET", "/notifications", params=params)
        return page(viewer, "notifications/list.html", items=items, booking=booking)
