"""Letters' states, numbers and verification codes; passes and what a first and a second scan answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from services.venue.domain.checkin import (
    CheckIn,
    FirstScan,
    NotNow,
    SecondScan,
    new_pass_code,
    printed_pass,
    qr_payload,
    read_pass,
    scan,
)
from services.venue.domain.codes import ALPHABET, check_symbol, read_code
from services.venue.domain.letters import (
    LetterAction,
    LetterStatus,
    changed_letter_fields,
    letter_number,
    new_verification_code,
    next_status,
    printed_code,
    read_number,
    read_verification_code,
    refusal,
)
from services.venue.domain.registration import Registration

pytestmark = pytest.mark.unit

STARTS = datetime(2027, 5, 20, 9, tzinfo=UTC)
ENDS = datetime(2027, 5, 20, 17, tzinfo=UTC)


def test_approving_a_requested_letter_issues_it_and_only_an_issued_or_requested_one_is_revoked():
    assert next_status(LetterStatus.REQUESTED, LetterAction.APPROVE) is LetterStatus.ISSUED
    assert next_status(LetterStatus.REQUESTED, LetterAction.REFUSE) is LetterStatus.REFUSED
    assert next_status(LetterStatus.ISSUED, LetterAction.REVOKE) is LetterStatus.REVOKED
    assert next_status(LetterStatus.ISSUED, LetterAction.APPROVE) is None
    assert next_status(LetterStatus.REVOKED, LetterAction.REVOKE) is None
    assert next_status(LetterStatus.REFUSED, LetterAction.APPROVE) is None
    assert refusal(LetterStatus.ISSUED, LetterAction.APPROVE) == "a issued letter cannot be approved"


def test_letter_numbers_carry_the_year_and_six_digits():
    assert letter_number(2027, 123) == "WICT-2027-000123"
    assert read_number(" wict-2027-000123 ") == "WICT-2027-000123"
    assert read_number("WICT-2027-123") is None
    with pytest.raises(ValueError):
        letter_number(2027, 1_000_000)


def test_a_verification_code_reads_back_from_its_printed_form_and_forgives_i_l_o():
    code = new_verification_code()
    assert len(code) == 10 and set(code) <= set(ALPHABET)
    printed = printed_code(code)
    assert printed[5] == "-"
    assert read_verification_code(printed.lower()) == code
    body = "01ABCDEFG"
    code = body + check_symbol(body)
    assert read_verification_code("OlABC-DEFG" + code[-1]) == code


def test_every_single_wrong_character_and_every_neighbour_swap_is_caught():
    body = "7KQ2M9XW3"
    code = body + check_symbol(body)
    for position in range(len(code)):
        for symbol in ALPHABET:
            if symbol != code[position]:
                assert read_code(code[:position] + symbol + code[position + 1 :], 10) is None
    for position in range(len(code) - 1):
        swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
        if swapped != code:
            assert read_code(swapped, 10) is None


def test_a_change_to_what_the_letter_prints_is_named():
    before = Registration("Ann Lee", "AU", "ann@example.org", "en", "v1", "PA1234567", date(1990, 1, 2))
    assert changed_letter_fields(before, replace(before, phone="+61412345678", locale="zh-CN")) == []
    assert changed_letter_fields(
        before, replace(before, full_name="Ann Li", passport_number="PB7654321")
    ) == [
        "full_name",
        "passport_number",
    ]


def test_a_pass_is_read_from_the_qr_payload_or_typed_in_groups():
    code = new_pass_code()
    assert len(code) == 12
    assert read_pass(qr_payload(code)) == code
    assert read_pass(printed_pass(code).lower()) == code
    assert read_pass("WICT1:" + code[:-1]) is None
    assert read_pass("https://example.org/" + code) is None


def test_the_first_scan_checks_in_and_a_second_answers_when_where_and_by_whom():
    first = scan(None, STARTS, ENDS, "Hall A", "staff:li", STARTS - timedelta(minutes=30))
    assert first == FirstScan(CheckIn(STARTS - timedelta(minutes=30), "Hall A", "staff:li"))
    assert isinstance(first, FirstScan)
    second = scan(first.check_in, STARTS, ENDS, "Hall B", "staff:wang", STARTS + timedelta(hours=1))
    assert second == SecondScan(CheckIn(STARTS - timedelta(minutes=30), "Hall A", "staff:li"))


def test_check_in_opens_two_hours_before_the_event_and_closes_when_it_ends():
    early = scan(None, STARTS, ENDS, "Hall A", "staff:li", STARTS - timedelta(hours=2, seconds=1))
    assert early == NotNow("check-in opens at 2027-05-20T07:00:00+00:00")
    assert isinstance(scan(None, STARTS, ENDS, "Hall A", "staff:li", STARTS - timedelta(hours=2)), FirstScan)
    assert scan(None, STARTS, ENDS, "Hall A", "staff:li", ENDS) == NotNow("the event is over")
