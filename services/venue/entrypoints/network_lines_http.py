"""The international dedicated network lines: which are free when (public: times only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import Parameter

from services.venue.entrypoints.addon_schemas import LineAvailability, NetworkAvailability
from services.venue.entrypoints.quotes_http import line_pool
from services.venue.entrypoints.refusals import REFUSALS
from services.venue.entrypoints.schemas import Window
from services.venue.usecases.network_lines import availability
from shared.service import Context


class NetworkLinesController(Controller):
    path = "/network-lines"
    tags = ["network lines"]
    exception_handlers = REFUSALS

    @get("/availability", operation_id="GetNetworkLineAvailability")
    async def availability(
        self,
        context: NamedDependency[Context],
        starts_at: Annotated[datetime, Parameter(query="from", description="with a UTC offset")],
        ends_at: Annotated[datetime, Parameter(query="to", description="at most 93 days after from")],
    ) -> NetworkAvailability:
        """Each line with the times it is held between ``from`` and ``to``, and how many are free throughout."""
        lines = await availability(context.database, line_pool(), starts_at, ends_at)
        return NetworkAvailability(
            starts_at=starts_at,
            ends_at=ends_at,
            free_throughout=sum(1 for _, busy in lines if not busy),
            lines=[
                LineAvailability(
                    line_id=line.id,
                    bandwidth_mbps=line.bandwidth_mbps,
                    busy=[Window(starts_at=b.starts_at, ends_at=b.ends_at) for b in busy],
                )
                for line, busy in lines
            ],
        )
