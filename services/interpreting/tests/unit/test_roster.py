import pytest

from services.interpreting.domain.roster import Pair, load_roster

pytestmark = pytest.mark.unit

ROSTER = load_roster()


def test_the_roster_has_two_agencies_and_every_interpreter_belongs_to_one():
    agencies = {agency.vendor_id for agency in ROSTER.agencies}
    assert agencies == {"agency-yangtze", "agency-silkroad"}
    assert {interpreter.vendor_id for interpreter in ROSTER.interpreters} <= agencies
    assert len({interpreter.id for interpreter in ROSTER.interpreters}) == len(ROSTER.interpreters)


def test_english_chinese_is_well_covered_and_arabic_not_at_all():
    assert len(ROSTER.candidates(Pair("en", "zh"))) >= 6
    assert ROSTER.candidates(Pair("ar", "zh")) == []
    for language in ("ja", "ko", "ru", "fr", "es", "de", "th", "ms"):
        assert any(language in interpreter.languages for interpreter in ROSTER.interpreters), language


def test_coverage_needs_both_languages_in_either_direction():
    covering = {interpreter.id for interpreter in ROSTER.candidates(Pair("zh", "ja"))}
    assert covering == {"yz-04", "sr-04"}
    assert {i.id for i in ROSTER.candidates(Pair("ja", "zh"))} == covering


def test_candidates_with_fewer_languages_come_first():
    candidates = ROSTER.candidates(Pair("en", "zh"))
    assert [len(i.languages) for i in candidates] == sorted(len(i.languages) for i in candidates)
    assert candidates[0].id == "sr-01"  # bilingual, then by id


def test_scarce_pairs_are_staffed_first():
    pairs = [Pair("en", "zh"), Pair("en", "ja"), Pair("en", "fr")]
    assert ROSTER.scarcest_first(pairs) == [Pair("en", "ja"), Pair("en", "fr"), Pair("en", "zh")]


def test_the_multifunctional_hall_uses_its_fixed_booths_and_other_spaces_the_mobile_pool():
    hall = ROSTER.booth_pool("multifunctional-hall")
    assert (hall.kind, hall.booth_ids) == ("fixed", ["fixed-1", "fixed-2", "fixed-3", "fixed-4"])
    room = ROSTER.booth_pool("room-a")
    assert (room.kind, room.booth_ids) == ("mobile", [f"mobile-{n}" for n in range(1, 7)])
