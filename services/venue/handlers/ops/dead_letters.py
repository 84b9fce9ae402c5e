"""Use cases of ops on dead letters: list, show, replay, discard; every look at a payload and every
action is audited.

The audit row is written in a transaction that commits only after NATS did what was asked: an action
that failed leaves no row. It names the booking when the original's payload names one of ours, so it
also shows in that booking's audit trail. Payloads are returned, never logged.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from services.venue.adapters.ops.nats import ops_jetstream
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal
from services.venue.domain.dead_letters import booking_of
from shared.messaging.dead_letters import DeadLetter, DeadLetters, Original, Replayed
from shared.telemetry import trace_id_hex


async def list_dead_letters(config: Any, limit: int) -> list[DeadLetter]:
    async with ops_jetstream(config) as js:
        return await DeadLetters(js).list(limit)


def _detail(letter: DeadLetter, **more: Any) -> dict[str, Any]:
    shown = {name: value for name, value in asdict(letter).items() if name not in ("id", "time", "reason")}
    return {"dead_letter": letter.id, **shown, **more}


async def show_dead_letter(
    config: Any, database: VenueDatabase, principal: Principal, letter_id: int
) -> tuple[DeadLetter, Original | None]:
    """The dead letter and its original (headers, payload); the look is audited."""
    async with database.transaction() as unit, ops_jetstream(config) as js:
        letter, original = await DeadLetters(js).show(letter_id)
        booking = booking_of(original.payload) if original else None
        await unit.ops.audit(
            booking.booking_id if booking else None,
            principal.actor,
            "dead letter shown",
            _detail(letter),
            trace_id_hex(),
        )
    return letter, original


async def replay_dead_letter(
    config: Any, database: VenueDatabase, principal: Principal, letter_id: int
) -> tuple[DeadLetter, Replayed]:
    """Publish the original again for its consumer, drop the dead letter; audited."""
    async with database.transaction() as unit, ops_jetstream(config) as js:
        letters = DeadLetters(js)
        letter, original = await letters.show(letter_id)
        replayed = await letters.replay(letter_id)
        booking = booking_of(original.payload) if original else None
        detail = _detail(
            letter,
            replayed_as=replayed.sequence,
            message_id=replayed.message_id,
            duplicate=replayed.duplicate,
        )
        await unit.ops.audit(
            booking.booking_id if booking else None,
            principal.actor,
            "dead letter replayed",
            detail,
            trace_id_hex(),
        )
    return letter, replayed


async def discard_dead_letter(
    config: Any, database: VenueDatabase, principal: Principal, letter_id: int
) -> None:
    """Drop the dead letter (its original ages out of its stream); audited."""
    async with database.transaction() as unit, ops_jetstream(config) as js:
        letters = DeadLetters(js)
        letter, original = await letters.show(letter_id)
        await letters.discard(letter_id)
        booking = booking_of(original.payload) if original else None
        await unit.ops.audit(
            booking.booking_id if booking else None,
            principal.actor,
            "dead letter discarded",
            _detail(letter),
            trace_id_hex(),
        )


async def ops_trail(database: VenueDatabase, before: int | None, limit: int) -> list[Any]:
    """Ops' actions on dead letters (shown, replayed, discarded), newest first, below id ``before``."""
    async with database.autocommit() as unit:
        return await unit.ops.ops_trail(before, limit)
