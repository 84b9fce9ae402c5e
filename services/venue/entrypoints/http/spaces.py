"""The venue's spaces: their layouts and seated capacities (public)."""

from __future__ import annotations

from litestar import Controller, get

from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.schemas.spaces import Layout, Space
from shared.http.api_docs import PUBLIC


class SpacesController(Controller):
    path = "/spaces"
    security = PUBLIC
    tags = ["spaces"]

    @get("/", operation_id="ListSpaces", sync_to_thread=False)
    def list_spaces(self, deps: VenueDependencies) -> list[Space]:
        """The venue's spaces with their layouts and seated capacities."""
        return [
            Space(
                id=space.id,
                name=space.name,
                area_m2=space.area_m2,
                layouts=[Layout(name, seats) for name, seats in space.layouts.items()],
                combines=space.units if len(space.units) > 1 else [],
                setup_minutes=space.setup_minutes,
                teardown_minutes=space.teardown_minutes,
                fixed_interpretation_booths=space.fixed_booths,
                requires_approval=space.requires_approval,
                features=space.features,
            )
            for space in deps.catalog.spaces
        ]
