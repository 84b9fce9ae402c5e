"""Guest data: sealing (round trip, tampering, moved ciphertexts, wrong and rotated keys), masking, and the
guest-list rules, whose refusals name the field and never echo the value."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, date, datetime, timedelta

import msgspec
import pytest

from services.venue.domain.guests import Guest, mask, passport_number, purge_reason, tidy, write_refusal
from services.venue.domain.sealing import KeyRing, Sealed, Unreadable, guest_field, new_key_entry, parse_keys
from services.venue.entrypoints.schemas.guests import GuestListUpdate

pytestmark = pytest.mark.unit

BOOKING, GUEST, OTHER = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
NUMBER = "PA1234567"
TODAY = date(2027, 5, 1)
NOW = datetime(2027, 5, 1, 12, tzinfo=UTC)


def ring(*ids: str) -> KeyRing:
    return parse_keys(",".join(new_key_entry(key_id) for key_id in ids))


def test_a_sealed_passport_number_opens_again_and_is_not_its_plaintext():
    keys = ring("k1")
    context = guest_field(BOOKING, GUEST, "passport_number")
    sealed = keys.seal(NUMBER, context)
    assert sealed.key_id == "k1"
    assert NUMBER.encode() not in sealed.blob
    assert len(sealed.blob) == 12 + len(NUMBER) + 16  # nonce, ciphertext, tag
    assert keys.open(sealed, context) == NUMBER


def test_each_seal_has_its_own_nonce():
    keys = ring("k1")
    context = guest_field(BOOKING, GUEST, "passport_number")
    first, second = keys.seal(NUMBER, context), keys.seal(NUMBER, context)
    assert first.blob[:12] != second.blob[:12] and first.blob != second.blob


@pytest.mark.parametrize("position", [0, 11, 12, -1])  # nonce, its last byte, ciphertext, tag
def test_a_flipped_bit_anywhere_fails(position: int):
    keys = ring("k1")
    context = guest_field(BOOKING, GUEST, "passport_number")
    blob = bytearray(keys.seal(NUMBER, context).blob)
    blob[position] ^= 0x01
    with pytest.raises(Unreadable) as refused:
        keys.open(Sealed("k1", bytes(blob)), context)
    assert NUMBER not in str(refused.value)


@pytest.mark.parametrize(
    "moved_to",
    [
        guest_field(BOOKING, OTHER, "passport_number"),  # another guest
        guest_field(uuid.uuid4(), GUEST, "passport_number"),  # another booking
        guest_field(BOOKING, GUEST, "date_of_birth"),  # another column
    ],
)
def test_a_ciphertext_moved_to_another_row_or_field_fails(moved_to: bytes):
    keys = ring("k1")
    sealed = keys.seal(NUMBER, guest_field(BOOKING, GUEST, "passport_number"))
    with pytest.raises(Unreadable):
        keys.open(sealed, moved_to)


def test_a_wrong_key_or_an_unknown_key_id_fails():
    context = guest_field(BOOKING, GUEST, "passport_number")
    sealed = ring("k1").seal(NUMBER, context)
    with pytest.raises(Unreadable, match="does not open"):
        ring("k1").open(sealed, context)  # same id, another key
    with pytest.raises(Unreadable, match="not configured"):
        ring("k2").open(sealed, context)


def test_rotation_the_first_key_seals_and_older_keys_still_open():
    old_entry, new_entry = new_key_entry("2026"), new_key_entry("2027")
    context = guest_field(BOOKING, GUEST, "passport_number")
    before = parse_keys(old_entry).seal(NUMBER, context)
    rotated = parse_keys(f"{new_entry}, {old_entry}")
    assert rotated.seal(NUMBER, context).key_id == "2027"
    assert rotated.open(before, context) == NUMBER
    with pytest.raises(Unreadable):
        parse_keys(new_entry).open(before, context)  # the old key retired: its rows no longer open


@pytest.mark.parametrize(
    "config",
    [
        "",
        base64.b64encode(b"k" * 32).decode(),  # no id
        "k1:" + base64.b64encode(b"short").decode(),
        "k1:not base64!",
        f"{new_key_entry('k1')},{new_key_entry('k1')}",
        "bad id:" + base64.b64encode(b"k" * 32).decode(),
    ],
)
def test_bad_key_configuration_is_refused_without_quoting_a_key(config: str):
    with pytest.raises(ValueError) as refused:
        parse_keys(config)
    secret = config.rpartition(":")[2]
    assert not secret or secret not in str(refused.value)


def test_masking_shows_only_the_last_characters_and_never_the_length():
    assert mask("E12345678") == "••••••5678"
    assert mask("X1234567890123") == "••••••0123"
    assert mask("AB123") == "••••••23"
    assert len(mask("E12345678")) == len(mask("X1234567890123"))


def test_passport_numbers_are_tidied_then_checked():
    assert passport_number(" e12-345 678 ") == "E12345678"
    for bad in ("E123", "E" * 21, "E1234567$", "Ä1234567", "-----"):
        assert passport_number(bad) is None


def test_the_list_is_tidied_and_every_fault_named_by_field_without_its_value():
    wanted = [
        Guest("  Li   Wei ", "cn", "g1234 5678", date(1980, 2, 3)),
        Guest("Sarah Jones", "AU", "SECRET$99", date(1990, 1, 1)),
        Guest("Tom", "XX", None, TODAY + timedelta(days=1)),
        Guest("Li Wei again", "CN", "G12345678"),
    ]
    kept, violations = tidy(wanted, attendees=3, today=TODAY)
    assert kept[0] == Guest("Li Wei", "CN", "G12345678", date(1980, 2, 3))
    assert {v.field for v in violations} == {
        "guests",
        "guests[1].passport_number",
        "guests[2].nationality",
        "guests[2].date_of_birth",
        "guests[3].passport_number",
    }
    said = " ".join(f"{v.field} {v.reason}" for v in violations)
    for value in ("SECRET$99", "SECRET", "G12345678", "g1234 5678", "XX"):
        assert value not in said


def test_the_api_schema_refuses_a_bad_passport_without_echoing_it():
    leaked = "LEAK" + "9" * 40  # over the 40-character bound
    body = {"guests": [{"full_name": "A", "nationality": "AU", "passport_number": leaked}]}
    with pytest.raises(msgspec.ValidationError) as refused:
        msgspec.json.decode(msgspec.json.encode(body), type=GuestListUpdate)
    assert "passport_number" in str(refused.value) and "LEAK" not in str(refused.value)


def test_only_a_live_booking_before_its_end_takes_a_guest_list():
    ends = NOW + timedelta(hours=3)
    assert write_refusal("confirmed", ends, False, NOW) is None
    assert write_refusal("option", ends, False, NOW) is None
    assert write_refusal("cancelled", ends, False, NOW) is not None
    assert write_refusal("confirmed", NOW, False, NOW) is not None
    assert write_refusal("confirmed", ends, True, NOW) is not None


def test_guest_data_goes_at_once_when_the_booking_will_not_happen_else_after_the_retention():
    retention = timedelta(days=30)
    ended = NOW - timedelta(days=1)
    assert purge_reason("cancelled", NOW + timedelta(days=9), retention, NOW) == "cancelled"
    assert purge_reason("rejected", NOW + timedelta(days=9), retention, NOW) == "rejected"
    assert purge_reason("confirmed", ended, retention, NOW) is None
    assert purge_reason("confirmed", ended, retention, NOW + retention) == "retention"


def test_a_refused_guest_list_over_http_echoes_no_passport_in_the_answer_or_the_spans():
    """The API's decoding as litestar runs it, with the OpenTelemetry plugin the services use (events too)."""
    from litestar import Litestar, put
    from litestar.plugins.opentelemetry import OpenTelemetryConfig, OpenTelemetryPlugin
    from litestar.testing import TestClient
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    from shared.http.problems import EXCEPTION_HANDLERS
    from shared.http.text_guard import refuse_nul

    @put("/guests", sync_to_thread=False)
    def put_guests(data: GuestListUpdate) -> None:
        raise AssertionError("never reached with these bodies")

    spans = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(spans))
    app = Litestar(
        [put_guests],
        exception_handlers=EXCEPTION_HANDLERS,
        before_request=refuse_nul,
        plugins=[OpenTelemetryPlugin(OpenTelemetryConfig(tracer_provider=provider))],
    )
    leaked = "LEAKY7"
    bodies = [
        {"passport_number": leaked * 8},  # too long
        {"passport_number": leaked + "\u0000"},  # NUL
        {"passport_number": [leaked]},  # wrong type
        {"passport_number": "ok", "passport": leaked},  # unknown field
    ]
    with TestClient(app) as client:
        answers = [
            client.put("/guests", json={"guests": [{"full_name": "A", "nationality": "AU", **fields}]})
            for fields in bodies
        ]
    assert [answer.status_code for answer in answers] == [400, 400, 400, 400]
    assert all("guests[0]" in answer.text and leaked not in answer.text for answer in answers)
    recorded = [
        (span.attributes, [(e.name, e.attributes) for e in span.events])
        for span in spans.get_finished_spans()
    ]
    assert recorded and leaked not in repr(recorded)
