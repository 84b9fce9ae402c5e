"""A guest's own registration: names as in the passport, nationality, passport and birth date (required for
a letter), E.164 mobile, e-mail, closed lists of dietary, allergen and accessibility choices, the consent
version; refusals name the field and never echo the value."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from services.venue.domain.registration import (
    ConsentVersions,
    Registration,
    check_registration,
    cross_border,
    name_problem,
)

pytestmark = pytest.mark.unit

NOW = datetime(2027, 5, 1, 12, tzinfo=UTC)
EVENT_ENDS = date(2027, 5, 20)
CONSENT = ConsentVersions(current="2027-04-01", previous="2026-12-01", replaced_at=NOW - timedelta(hours=3))
PASSPORT = "PA1234567"
GOOD = Registration(
    full_name="  Nguyễn   Văn An ",
    nationality="vn",
    email=" An.Nguyen@Example.ORG ",
    locale="vi",
    consent_version="2027-04-01",
    passport_number="pa 123-4567",
    date_of_birth=date(1988, 2, 29),
    passport_expires=date(2030, 1, 1),
    phone="+84912345678",
    dietary=("halal", "vegetarian", "halal"),
    allergens=("peanuts",),
    needs=("wheelchair",),
    needs_note=" ramp at the east door ",
    letter_wanted=True,
)


def fields(registration: Registration, consent: ConsentVersions = CONSENT, now: datetime = NOW) -> list[str]:
    return [v.field for v in check_registration(registration, consent, EVENT_ENDS, now)[1]]


def test_a_good_registration_is_tidied_and_kept():
    tidied, violations = check_registration(GOOD, CONSENT, EVENT_ENDS, NOW)
    assert violations == []
    assert tidied.full_name == "Nguyễn Văn An"
    assert (tidied.nationality, tidied.email, tidied.passport_number) == (
        "VN",
        "an.nguyen@example.org",
        PASSPORT,
    )
    assert tidied.dietary == ("vegetarian", "halal")  # the list's order, each once
    assert tidied.needs_note == "ramp at the east door"


@pytest.mark.parametrize("name", ["张伟", "O'Brien", "Anne-Marie St. Clair", "Sómchai Phông", "ສົມຊາຍ", "សុខា"])
def test_names_in_any_script_with_passport_punctuation_are_names(name):
    assert name_problem(name) is None


@pytest.mark.parametrize("name", ["", "Agent 007", "SMITH<<JOHN", "Ann 🙂", "'-.", "x" * 101])
def test_names_with_digits_filler_emoji_or_no_letters_are_refused(name):
    assert name_problem(name) is not None


def test_every_field_at_fault_is_named_and_no_value_is_echoed():
    bad = replace(
        GOOD,
        full_name="J0hn",
        nationality="XX",
        email="not-an-address",
        locale="de",
        passport_number="P!",
        date_of_birth=date(2027, 6, 1),
        passport_expires=date(2027, 5, 19),
        phone="+86 10 1234 5678",
        dietary=("vegetarian", "paleo"),
        allergens=("pollen",),
        needs=("jetpack",),
        needs_note="n" * 301,
        consent_version="2020-01-01",
    )
    _, violations = check_registration(bad, CONSENT, EVENT_ENDS, NOW)
    assert [v.field for v in violations] == [
        "full_name",
        "nationality",
        "passport_number",
        "date_of_birth",
        "passport_expires",
        "email",
        "phone",
        "locale",
        "dietary[1]",
        "allergens[0]",
        "needs[0]",
        "needs_note",
        "consent_version",
    ]
    for violation in violations:
        for value in ("P!", "J0hn", "paleo", "not-an-address", "pollen", "jetpack"):
            assert value not in violation.reason


def test_a_letter_needs_passport_birth_date_and_expiry_otherwise_they_are_optional():
    bare = replace(GOOD, passport_number=None, date_of_birth=None, passport_expires=None)
    assert fields(bare) == ["passport_number", "date_of_birth", "passport_expires"]
    assert fields(replace(bare, letter_wanted=False)) == []


def test_a_birth_date_more_than_120_years_ago_or_today_is_refused():
    assert fields(replace(GOOD, date_of_birth=date(1907, 4, 30))) == ["date_of_birth"]
    assert fields(replace(GOOD, date_of_birth=date(1907, 5, 1))) == []
    assert fields(replace(GOOD, date_of_birth=NOW.date())) == ["date_of_birth"]


def test_a_phone_is_optional_but_must_be_an_e164_mobile():
    assert fields(replace(GOOD, phone=None)) == []
    assert fields(replace(GOOD, phone="0912345678")) == ["phone"]
    assert fields(replace(GOOD, phone="+8613812345678")) == []


def test_the_previous_consent_version_counts_for_a_day_after_it_was_replaced():
    previous = replace(GOOD, consent_version="2026-12-01")
    assert fields(previous) == []
    assert fields(previous, now=NOW + timedelta(hours=21)) == ["consent_version"]
    assert fields(previous, consent=ConsentVersions(current="2027-04-01")) == ["consent_version"]


def test_only_guests_from_outside_china_see_the_cross_border_notice():
    assert cross_border("VN") and cross_border("HK")
    assert not cross_border("CN")
