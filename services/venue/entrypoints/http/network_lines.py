"""The international dedicated network lines: which are free when (public: times only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from litestar import Controller, get
from litestar.params import Parameter

from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.entrypoints.schemas.common import Window
from services.venue.entrypoints.schemas.network_lines import LineAvailability, NetworkAvailability
from services.venue.handlers.network_lines import availability as busy_lines
from shared.http.api_docs import PUBLIC


class NetworkLinesController(Controller):
    path = "/network-lines"
    security = PUBLIC
    tags = ["network lines"]
    exception_handlers = REFUSALS

    @get("/availability", operation_id="GetNetworkLineAvailability")
    async def availability(
        self,
        deps: VenueDependencies,
        starts_at: Annotated[datetime, Parameter(query="from", description="with a UTC offset")],
        ends_at: Annotated[datetime, Parameter(query="to", description="at most 93 days after from")],
    ) -> NetworkAvailability:
        """Each line with the times it is held between ``from`` and ``to``, and how many are free throughout."""
        lines = await busy_lines(deps.database, deps.line_pool, starts_at, ends_at)
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
