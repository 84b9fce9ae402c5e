"""Ops view of the roster: who interprets which languages, for which agency (ids only, no personal data)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Controller, get
from litestar.params import Parameter

from services.interpreting.domain.roster import Pair
from shared.service import Context


class InterpreterEntry(msgspec.Struct, frozen=True, kw_only=True):
    interpreter_id: str
    vendor_id: str
    languages: list[str]
    classes: dict[str, str]  # ISO 639-1 code -> AIIC class A, B or C
    retour: list[str]


class InterpretersController(Controller):
    path = "/interpreters"
    tags = ["roster"]

    @get("/", operation_id="ListInterpreters")
    async def list_interpreters(
        self,
        context: Context,
        source: Annotated[str | None, Parameter(query="from", description="ISO 639-1 floor language")] = None,
        target: Annotated[str | None, Parameter(query="to", description="ISO 639-1 target language")] = None,
    ) -> list[InterpreterEntry]:
        """The interpreters on the roster, optionally only those covering the pair from→to."""
        roster = context.state["roster"]
        interpreters = roster.interpreters
        if source and target:
            interpreters = roster.candidates(Pair(source.lower(), target.lower()))
        elif source or target:
            language = (source or target or "").lower()
            interpreters = [i for i in interpreters if language in i.languages]
        return [
            InterpreterEntry(
                interpreter_id=i.id,
                vendor_id=i.vendor_id,
                languages=list(i.languages),
                classes=dict(i.languages),
                retour=i.retour,
            )
            for i in interpreters
        ]
