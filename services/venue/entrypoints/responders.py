"""The venue's NATS request/reply: who is on site, asked by notify before an urgent notice
(``guests.req.people_on_site``, core NATS, a queue group so each request gets one answer)."""

from __future__ import annotations

import msgspec

from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.handlers.people_on_site import people_on_site
from shared.contracts.guests import PEOPLE_ON_SITE, PeopleOnSiteQuery
from shared.messaging.responders import Responder
from shared.service import Context

_QUERY = msgspec.json.Decoder(PeopleOnSiteQuery)


def responders(context: Context[VenueDependencies]) -> list[Responder]:
    async def answer(subject: str, body: bytes) -> bytes:
        return msgspec.json.encode(await people_on_site(context.deps.database, _QUERY.decode(body)))

    return [Responder(PEOPLE_ON_SITE, context.name, answer)]
