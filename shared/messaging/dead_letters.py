"""The dead letters: messages a consumer gave up on, for ops to list, show, replay or discard.

A dead letter is JetStream's advisory, kept in the DEAD_LETTERS stream: a message reached its consumer's
``max_deliver`` (``MAX_DELIVERIES``), or the consumer terminated it as undecodable or forged
(``MSG_TERMINATED``, with the reason it gave). The advisory names the stream and sequence of the original,
which stays in its own (limits-retention) stream and is read from there. A dead letter is known by its
sequence in DEAD_LETTERS.

Payloads may hold guests' personal data: this module returns them to its caller and never logs them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import msgspec
from nats.js import JetStreamContext
from nats.js.errors import APIError, NotFoundError

from shared.messaging.streams import DEAD_LETTERS

log = logging.getLogger(__name__)

MSG_ID = "Nats-Msg-Id"
REPLAY_OF = "Wict-Replay-Of"  # header of a replayed message: <stream>:<sequence> of the original
_REPLAY = ":replay:"
NO_MESSAGE_FOUND = 10057  # JetStream's error code for deleting a sequence the stream does not hold
KINDS = {
    "io.nats.jetstream.advisory.v1.max_deliver": "max deliveries",
    "io.nats.jetstream.advisory.v1.terminated": "terminated",
}


class NoSuchDeadLetter(LookupError):
    """No dead letter has that id (never was, or was replayed or discarded)."""


class Advisory(msgspec.Struct, frozen=True, kw_only=True):
    """The part of a MAX_DELIVERIES or MSG_TERMINATED advisory we read (nats-server's JSON)."""

    type: str
    timestamp: datetime
    stream: str
    consumer: str
    stream_seq: int
    deliveries: int
    reason: str = ""  # terminated with a reason only


_decode_advisory = msgspec.json.Decoder(Advisory).decode


def parse_advisory(data: bytes) -> Advisory:
    """The advisory in ``data``; ``ValueError`` if it is none of the two we keep."""
    try:
        advisory = _decode_advisory(data)
    except msgspec.MsgspecError as error:
        raise ValueError(f"not a JetStream give-up advisory: {error}") from None
    if advisory.type not in KINDS:
        raise ValueError(f"not a give-up advisory: {advisory.type}")
    return advisory


@dataclass(frozen=True)
class DeadLetter:
    id: int  # its sequence in DEAD_LETTERS
    kind: str  # "max deliveries" or "terminated"
    stream: str  # where the original is
    consumer: str  # who gave up on it
    stream_seq: int
    deliveries: int
    reason: str
    time: datetime
    subject: str = ""  # the original's subject; "" once the original has aged out of its stream


def dead_letter(letter_id: int, advisory: Advisory, subject: str = "") -> DeadLetter:
    return DeadLetter(
        id=letter_id,
        kind=KINDS[advisory.type],
        stream=advisory.stream,
        consumer=advisory.consumer,
        stream_seq=advisory.stream_seq,
        deliveries=advisory.deliveries,
        reason=advisory.reason or reason_of(advisory),
        time=advisory.timestamp,
        subject=subject,
    )


def reason_of(advisory: Advisory) -> str:
    if KINDS[advisory.type] == "max deliveries":
        return (
            f"not acknowledged in {advisory.deliveries} deliveries (handler failing or too slow: see its log)"
        )
    return "terminated without a reason"


@dataclass(frozen=True)
class Original:
    """The message a dead letter points at, as its stream holds it."""

    subject: str
    headers: Mapping[str, str]
    payload: bytes

    @property
    def payload_text(self) -> str:
        return self.payload.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class Replayed:
    stream: str
    sequence: int
    message_id: str
    duplicate: bool  # JetStream had it already: this dead letter was replayed before


def replay_message_id(original: Original, letter: DeadLetter) -> str:
    """``<first id>:replay:<dead letter id>``: one id per dead letter, so replaying the same one twice
    (a retry after a crash between publish and discard) is dropped by JetStream's duplicate window."""
    first = original.headers.get(MSG_ID) or f"{letter.stream}:{letter.stream_seq}"
    return f"{first.split(_REPLAY, 1)[0]}{_REPLAY}{letter.id}"


class DeadLetters:
    """The DEAD_LETTERS stream and the originals it points at, over a JetStream context (ops: admin)."""

    def __init__(self, js: JetStreamContext) -> None:
        self.js = js

    async def list(self, limit: int = 1000) -> list[DeadLetter]:
        """The oldest ``limit`` dead letters, each with its original's subject."""
        letters: list[DeadLetter] = []
        sequence = 1
        while len(letters) < limit:
            try:
                stored = await self.js.get_msg(DEAD_LETTERS, sequence, subject=">", next=True)
            except NotFoundError:
                break
            assert stored.seq is not None
            sequence = stored.seq + 1
            try:
                advisory = parse_advisory(stored.data or b"")
            except ValueError:
                continue  # not ours to show (the stream takes only give-up advisories)
            original = await self.original_of(advisory)
            letters.append(dead_letter(stored.seq, advisory, original.subject if original else ""))
        return letters

    async def show(self, letter_id: int) -> tuple[DeadLetter, Original | None]:
        """The dead letter and its original (None once it has aged out of its stream)."""
        advisory = await self._advisory(letter_id)
        original = await self.original_of(advisory)
        return dead_letter(letter_id, advisory, original.subject if original else ""), original

    async def original_of(self, advisory: Advisory) -> Original | None:
        try:
            stored = await self.js.get_msg(advisory.stream, advisory.stream_seq)
        except NotFoundError:
            return None
        return Original(stored.subject or "", dict(stored.headers or {}), stored.data or b"")

    async def replay(self, letter_id: int) -> Replayed:
        """Publish the original again (same subject, payload and headers, a new message id) for its
        consumer to handle anew, then remove the dead letter."""
        letter, original = await self.show(letter_id)
        if original is None:
            raise NoSuchDeadLetter(
                f"dead letter {letter_id}: its original ({letter.stream} #{letter.stream_seq}) is gone"
            )
        message_id = replay_message_id(original, letter)
        headers = {
            **original.headers,
            MSG_ID: message_id,
            REPLAY_OF: f"{letter.stream}:{letter.stream_seq}",
        }
        ack = await self.js.publish(original.subject, original.payload, headers=headers)
        await self.discard(letter_id)
        log.info(
            "dead letter replayed",
            extra={"fields": {"dead_letter": letter_id, "subject": original.subject, "sequence": ack.seq}},
        )
        return Replayed(ack.stream, ack.seq, message_id, bool(ack.duplicate))

    async def discard(self, letter_id: int) -> None:
        """Remove the dead letter (the original stays in its stream until it ages out)."""
        try:
            await self.js.delete_msg(DEAD_LETTERS, letter_id)
        except APIError as error:
            if isinstance(error, NotFoundError) or error.err_code == NO_MESSAGE_FOUND:
                raise NoSuchDeadLetter(f"no dead letter {letter_id}") from None
            raise

    async def _advisory(self, letter_id: int) -> Advisory:
        try:
            stored = await self.js.get_msg(DEAD_LETTERS, letter_id)
            return parse_advisory(stored.data or b"")
        except (NotFoundError, ValueError):
            raise NoSuchDeadLetter(f"no dead letter {letter_id}") from None
