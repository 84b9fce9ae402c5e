"""Ops view of the roster: who interprets which languages, for which agency (ids only, no personal data)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import Parameter

from services.interpreting.domain.roster import Pair
from services.interpreting.entrypoints.dependencies import InterpretingDependencies
from services.interpreting.entrypoints.schemas.interpreters import Interpreter
from shared.http.api_docs import PUBLIC


class InterpretersController(Controller):
    path = "/interpreters"
    security = PUBLIC
    tags = ["roster"]

    @get("/", operation_id="ListInterpreters")
    async def list_interpreters(
        self,
        deps: NamedDependency[InterpretingDependencies],
        source: Annotated[str | None, Parameter(query="from", description="ISO 639-1 floor language")] = None,
        target: Annotated[str | None, Parameter(query="to", description="ISO 639-1 target language")] = None,
    ) -> list[Interpreter]:
        """The interpreters on the roster, optionally only those covering the pair from→to."""
        roster = deps.roster
        interpreters = roster.interpreters
        if source and target:
            interpreters = roster.candidates(Pair(source.lower(), target.lower()))
        elif source or target:
            language = (source or target or "").lower()
            interpreters = [i for i in interpreters if language in i.languages]
        return [
            Interpreter(
                interpreter_id=i.id,
                vendor_id=i.vendor_id,
                languages=list(i.languages),
                classes=dict(i.languages),
                retour=i.retour,
            )
            for i in interpreters
        ]
