"""Dead letters for ops (ops role only): list, show with the original's payload, replay, discard.

Over the venue's ops NATS login (``adapters/ops/nats.py``); showing, replaying and discarding are
audited (``GET /ops/audit``, and the booking's own trail when the payload names one of ours).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict
from typing import Annotated

from litestar import Controller, delete, get, post
from litestar.di import Provide
from litestar.params import Parameter
from litestar.status_codes import HTTP_200_OK, HTTP_204_NO_CONTENT

from services.venue.adapters.ops.nats import OpsNatsUnavailable
from services.venue.domain.access import Principal, Role
from services.venue.domain.dead_letters import booking_of
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.schemas.ops import DeadLetter, DeadLetterDetail, DeadLetterReplay
from services.venue.handlers.ops.dead_letters import (
    discard_dead_letter,
    list_dead_letters,
    replay_dead_letter,
    show_dead_letter,
)
from shared.http.problems import ApiError
from shared.messaging import dead_letters

LetterId = Annotated[
    int, Parameter(ge=1, le=2**63 - 1, description="the dead letter's id (its sequence in DEAD_LETTERS)")
]


@asynccontextmanager
async def _answering() -> AsyncIterator[None]:
    """NATS refusals and unknown ids as problems the caller can act on."""
    try:
        yield
    except dead_letters.NoSuchDeadLetter as error:
        raise ApiError(404, "No such dead letter", str(error)) from None
    except OpsNatsUnavailable as error:
        raise ApiError(503, "NATS is not available to ops", str(error)) from None


def letter_out(letter: dead_letters.DeadLetter) -> DeadLetter:
    return DeadLetter(**asdict(letter))


class OpsDeadLettersController(Controller):
    path = "/ops/dead-letters"
    tags = ["ops"]
    dependencies = {"principal": Provide(authenticate)}

    @get("/", operation_id="ListDeadLetters")
    async def list_letters(
        self,
        deps: VenueDependencies,
        principal: Principal,
        limit: Annotated[int, Parameter(ge=1, le=1000, description="at most this many, oldest first")] = 100,
    ) -> list[DeadLetter]:
        """Messages a consumer gave up on (max deliveries reached, or terminated), oldest first (ops)."""
        require(principal, Role.OPS)
        async with _answering():
            return [letter_out(letter) for letter in await list_dead_letters(deps.config, limit)]

    @get("/{letter_id:int}", operation_id="GetDeadLetter")
    async def show(
        self, letter_id: LetterId, deps: VenueDependencies, principal: Principal
    ) -> DeadLetterDetail:
        """One dead letter with its original's headers and payload (ops only; the look is audited)."""
        require(principal, Role.OPS)
        async with _answering():
            letter, original = await show_dead_letter(deps.config, deps.database, principal, letter_id)
        booking = booking_of(original.payload) if original else None
        return DeadLetterDetail(
            **asdict(letter),
            booking_id=booking.booking_id if booking else None,
            headers=dict(original.headers) if original else {},
            payload=original.payload_text if original else None,
        )

    @post("/{letter_id:int}/replay", operation_id="ReplayDeadLetter", status_code=HTTP_200_OK)
    async def replay(
        self, letter_id: LetterId, deps: VenueDependencies, principal: Principal
    ) -> DeadLetterReplay:
        """Publish the original again (message id `<first>:replay:<id>`) for its consumer, drop the dead letter (ops; audited)."""
        require(principal, Role.OPS)
        async with _answering():
            letter, replayed = await replay_dead_letter(deps.config, deps.database, principal, letter_id)
        return DeadLetterReplay(
            dead_letter=letter.id,
            stream=replayed.stream,
            sequence=replayed.sequence,
            message_id=replayed.message_id,
            duplicate=replayed.duplicate,
        )

    @delete("/{letter_id:int}", operation_id="DiscardDeadLetter", status_code=HTTP_204_NO_CONTENT)
    async def discard(self, letter_id: LetterId, deps: VenueDependencies, principal: Principal) -> None:
        """Drop the dead letter; the original stays in its stream until it ages out (ops; audited)."""
        require(principal, Role.OPS)
        async with _answering():
            await discard_dead_letter(deps.config, deps.database, principal, letter_id)
