"""Interpreting's NATS request/reply: each agency's task listing (``vendors.interpreting.<vendor_id>.tasks``)."""

from __future__ import annotations

from services.interpreting.domain.tasks import KIND
from services.interpreting.entrypoints.dependencies import InterpretingDependencies
from shared.messaging.responders import Responder
from shared.participant.entrypoints.listing import listing_responder
from shared.service import Context


def responders(context: Context[InterpretingDependencies]) -> list[Responder]:
    return [listing_responder(context.deps.database, KIND, context.name)]
