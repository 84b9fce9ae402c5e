import msgspec
import pytest

from services.interpreting.domain.languages import UnknownLanguage, language, supported_languages
from services.interpreting.domain.roster import Interpreter, Pair, load_roster

pytestmark = pytest.mark.unit

ROSTER = load_roster()


def interpreter(languages: dict, retour: tuple[str, ...] = ()) -> Interpreter:
    return Interpreter(id="x-01", vendor_id="agency-x", languages=languages, retour=list(retour))


def test_into_the_a_language_from_a_b_or_a_c():
    polyglot = interpreter({"zh": "A", "en": "B", "fr": "C"})
    assert polyglot.covers(Pair("en", "zh")) and polyglot.covers(Pair("fr", "zh"))


def test_never_into_a_c_language():
    polyglot = interpreter({"zh": "A", "en": "B", "fr": "C"}, retour=("en",))
    assert not polyglot.covers(Pair("zh", "fr"))
    assert not polyglot.covers(Pair("zh", "fr"), "consecutive")


def test_into_a_b_in_a_booth_only_with_a_retour_but_always_in_consecutive():
    plain, retour = interpreter({"zh": "A", "en": "B"}), interpreter({"zh": "A", "en": "B"}, retour=("en",))
    assert not plain.covers(Pair("zh", "en")) and plain.covers(Pair("zh", "en"), "consecutive")
    assert retour.covers(Pair("zh", "en"))


def test_languages_they_do_not_have_are_not_covered():
    assert not interpreter({"zh": "A", "en": "B"}).covers(Pair("ar", "zh"))


@pytest.mark.parametrize(
    ("languages", "retour", "complaint"),
    [({"en": "B", "zh": "C"}, (), "no A language"), ({"zh": "A", "en": "C"}, ("en",), "retour")],
)
def test_a_roster_entry_must_be_consistent(languages, retour, complaint):
    with pytest.raises((ValueError, msgspec.ValidationError), match=complaint):
        interpreter(languages, retour)


def test_the_migrated_roster_gives_everyone_one_a_language_and_keeps_directions_that_matter():
    assert all(list(i.languages.values()).count("A") == 1 for i in ROSTER.interpreters)
    assert {i.id for i in ROSTER.candidates(Pair("th", "en"))} == {"yz-07"}
    assert ROSTER.candidates(Pair("th", "lo")) == []
    assert [i.id for i in ROSTER.candidates(Pair("en", "lo"))] == ["sr-08"]
    assert "sr-05" not in {i.id for i in ROSTER.candidates(Pair("zh", "en"))}  # en is only a C for them


def test_the_supported_languages_include_the_region_and_unknown_codes_are_named():
    assert {"zh", "en", "ja", "ko", "ru", "fr", "es", "de", "ar", "th", "vi", "lo", "km", "ms", "pt"} <= set(
        supported_languages()
    )
    assert supported_languages()["lo"] == "Lao"
    assert language(" TH", "floor language") == "th"
    with pytest.raises(UnknownLanguage, match="the target language 'xx' is not a language we interpret"):
        language("xx", "target language")
