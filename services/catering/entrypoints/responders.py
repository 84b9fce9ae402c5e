"""Catering's NATS request/reply: each caterer's task listing (``vendors.catering.<vendor_id>.tasks``)."""

from __future__ import annotations

from services.catering.domain.tasks import KIND
from services.catering.entrypoints.dependencies import CateringDependencies
from shared.messaging.responders import Responder
from shared.participant.entrypoints.listing import listing_responder
from shared.service import Context


def responders(context: Context[CateringDependencies]) -> list[Responder]:
    return [listing_responder(context.deps.database, KIND, context.name)]
