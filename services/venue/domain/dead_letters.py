"""A dead-lettered saga message: which booking and step it was, and what the organizer is told. Pure.

A reserve or release command a participant gave up on, or a participant's answer the venue gave up on,
means the step will never hear back: the saga gives the step up at once, as its deadline would later.
"""

from __future__ import annotations

import uuid

import msgspec

STEPS = ("interpreting", "catering")
# what a saga waits on: its reserve and release commands, and the participants' answers to them
WAITED_ON = frozenset({"cmd.reserve", "cmd.release", "evt.reserved", "evt.rejected", "evt.released"})


class BookingRef(msgspec.Struct, frozen=True):
    """The two fields a poisoned message may still carry intact; any other field may be malformed."""

    booking_id: uuid.UUID
    revision: int = 0


_decode_ref = msgspec.json.Decoder(BookingRef).decode


def step_of(subject: str) -> str | None:
    """``interpreting.cmd.reserve`` -> ``interpreting``; None for a message no saga waits on."""
    service, _, name = subject.partition(".")
    return service if service in STEPS and name in WAITED_ON else None


def booking_of(payload: bytes) -> BookingRef | None:
    """The booking (and plan revision) a payload names, or None if it names none readably."""
    try:
        return _decode_ref(payload)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None


def organizer_reason(step: str) -> str:
    return (
        f"the {step} service could not process this booking's request; nothing was booked,"
        " please try again or contact the venue"
    )


def change_reason(step: str) -> str:
    return f"the {step} service could not process the change; the booking is unchanged"
