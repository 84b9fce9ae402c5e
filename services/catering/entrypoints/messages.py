"""The catering service's NATS consumer: the saga's commands, through the durable ``catering-commands``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from services.catering import handlers
from services.catering.domain.guarantee import DEFAULT_POLICY, GuaranteePolicy
from services.catering.domain.menus import MenuBook
from shared.contracts import ConfirmCatering, Message, ReleaseCatering, ReserveCatering
from shared.db.unit_of_work import UnitOfWork
from shared.messaging.consumer import Handler
from shared.messaging.streams import CONSUMERS, Consumer

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def routes(
    book: MenuBook, clock: Clock = _utc_now, guarantee: GuaranteePolicy = DEFAULT_POLICY
) -> Mapping[Consumer, Mapping[type[Message], Handler]]:
    """Handlers for the saga's catering commands, keyed by the durable consumer that delivers them."""

    async def on_reserve(command: ReserveCatering, unit: UnitOfWork) -> None:
        """Hold kitchen covers for one plan revision (beside the booking's others), or reject it with a reason the organizer can act on."""
        await handlers.reserve(command, unit, book, clock(), guarantee)

    async def on_confirm(command: ConfirmCatering, unit: UnitOfWork) -> None:
        """Make the revision firm, give back the older revisions' covers, and assign, change or cancel the caterer's task."""
        await handlers.confirm(command, unit, book)

    async def on_release(command: ReleaseCatering, unit: UnitOfWork) -> None:
        """Free the revision's covers (compensation, or cancelling the firm revision and its task); always answered with CateringReleased."""
        await handlers.release(command, unit)

    consumer = next(consumer for consumer in CONSUMERS if consumer.durable == "catering-commands")
    return {consumer: {ReserveCatering: on_reserve, ConfirmCatering: on_confirm, ReleaseCatering: on_release}}
