"""Both catalogs hold every message of the code and templates, translated and not fuzzy; the .pot is
what extraction gives today; every template renders in both languages with the app built."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from services.web.adapters.catalogs import CATALOG_DIR, load_translations
from services.web.domain.locale import CATALOG_IDS, LANGUAGES

pytestmark = pytest.mark.unit
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def _extracted() -> set[str]:
    mapping = tomllib.loads((CATALOG_DIR / "babel.toml").read_text())["mappings"]
    method_map = [(entry["pattern"], entry["method"]) for entry in mapping]
    options = {
        entry["pattern"]: {k: v for k, v in entry.items() if k not in ("pattern", "method")}
        for entry in mapping
    }
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(CATALOG_DIR), method_map, options, keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _catalog(name: str):
    with Path(CATALOG_DIR / name).open("rb") as po:
        return read_po(po)


def test_the_template_lists_exactly_what_the_code_and_templates_say():
    template = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalog("messages.pot") if m.id}
    extracted = _extracted()
    assert extracted - template == set(), "run the extraction (services/web/README.md): new messages"
    assert template - extracted == set(), "run the extraction: messages no longer used"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    catalog = _catalog(f"{CATALOG_IDS[language]}.po")
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    missing = _extracted() - ids
    untranslated = [
        m.id for m in catalog if m.id and not (m.string if isinstance(m.string, str) else all(m.string))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    broken = [(m.id, errors) for m, errors in catalog.check() if errors]
    assert not missing and not untranslated and not fuzzy and not broken, (
        missing,
        untranslated,
        fuzzy,
        broken,
    )
    assert load_translations(language).gettext("Sign in") == ("登录" if language == "zh-CN" else "Sign in")
