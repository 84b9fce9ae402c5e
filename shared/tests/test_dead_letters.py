import json
from datetime import UTC, datetime

import pytest

from shared.messaging.dead_letters import (
    Original,
    dead_letter,
    parse_advisory,
    replay_message_id,
)
from shared.messaging.streams import CONSUMERS, DEAD_LETTERS, STREAMS

pytestmark = pytest.mark.unit

# as nats-server 2.15 publishes them (captured from a real server)
MAX_DELIVER = {
    "type": "io.nats.jetstream.advisory.v1.max_deliver",
    "id": "F3nDzUzdVJ31VGZKbqfEQN",
    "timestamp": "2026-11-24T07:41:19.609212008Z",
    "stream": "INTERPRETING",
    "consumer": "interpreting-commands",
    "stream_seq": 2,
    "deliveries": 3,
}
TERMINATED = {
    "type": "io.nats.jetstream.advisory.v1.terminated",
    "id": "F3nDzUzdVJ31VGZKbqfEMN",
    "timestamp": "2026-11-24T07:41:18.993551845Z",
    "stream": "CATERING",
    "consumer": "catering-commands",
    "consumer_seq": 1,
    "stream_seq": 1,
    "deliveries": 1,
    "reason": "undecodable: Expected `int`, got `str` - at `$.headcount`",
}


def test_a_max_deliveries_advisory_becomes_a_dead_letter_saying_how_often_it_was_tried():
    letter = dead_letter(7, parse_advisory(json.dumps(MAX_DELIVER).encode()), "interpreting.cmd.reserve")
    assert (letter.id, letter.kind, letter.stream, letter.consumer) == (
        7,
        "max deliveries",
        "INTERPRETING",
        "interpreting-commands",
    )
    assert (letter.stream_seq, letter.deliveries, letter.subject) == (2, 3, "interpreting.cmd.reserve")
    assert "3 deliveries" in letter.reason
    assert letter.time.tzinfo is not None and letter.time.date() == datetime(2026, 11, 24, tzinfo=UTC).date()


def test_a_terminated_advisory_keeps_the_consumers_reason():
    letter = dead_letter(1, parse_advisory(json.dumps(TERMINATED).encode()))
    assert (letter.kind, letter.deliveries, letter.reason) == ("terminated", 1, TERMINATED["reason"])
    without_reason = {key: value for key, value in TERMINATED.items() if key != "reason"}
    assert dead_letter(1, parse_advisory(json.dumps(without_reason).encode())).reason == (
        "terminated without a reason"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        json.dumps({**MAX_DELIVER, "type": "io.nats.jetstream.advisory.v1.nak"}).encode(),
        json.dumps({key: value for key, value in MAX_DELIVER.items() if key != "stream_seq"}).encode(),
    ],
)
def test_anything_but_a_give_up_advisory_is_refused(data):
    with pytest.raises(ValueError):
        parse_advisory(data)


def test_a_replay_gets_one_new_message_id_per_dead_letter_never_a_growing_one():
    letter = dead_letter(12, parse_advisory(json.dumps(MAX_DELIVER).encode()))
    first = Original("interpreting.cmd.reserve", {"Nats-Msg-Id": "m-1"}, b"{}")
    assert replay_message_id(first, letter) == "m-1:replay:12"
    replayed_before = Original("interpreting.cmd.reserve", {"Nats-Msg-Id": "m-1:replay:5"}, b"{}")
    assert replay_message_id(replayed_before, letter) == "m-1:replay:12"
    assert replay_message_id(Original("x.cmd.y", {}, b""), letter) == "INTERPRETING:2:replay:12"


def test_a_payload_is_shown_as_text_even_when_it_is_not_utf8():
    assert Original("s", {}, b'{"a": "\xff"}').payload_text == '{"a": "\ufffd"}'


def test_dead_letters_keep_both_advisories_of_every_consumer_but_their_own():
    (stream,) = [s for s in STREAMS if s.name == DEAD_LETTERS]
    for consumer in CONSUMERS:
        kept = {
            f"$JS.EVENT.ADVISORY.CONSUMER.{kind}.{consumer.stream}.*"
            for kind in ("MAX_DELIVERIES", "MSG_TERMINATED")
        }
        assert (
            kept <= set(stream.subjects) or consumer.stream == DEAD_LETTERS
        )  # no dead letters of dead letters
    assert not any(f".{DEAD_LETTERS}." in subject for subject in stream.subjects)
