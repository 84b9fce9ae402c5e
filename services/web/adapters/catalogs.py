"""The message catalogs (gettext .po files beside the service), compiled in memory at start-up.

The .po files are the source; no compiled .mo is committed or built: reading a few hundred messages
takes milliseconds, and a catalog can never be stale against its .po.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from services.web.domain.locale import CATALOG_IDS

CATALOG_DIR = Path(__file__).resolve().parents[1]


def catalog_path(language: str) -> Path:
    return CATALOG_DIR / f"{CATALOG_IDS[language]}.po"


def load_translations(language: str) -> gettext.GNUTranslations:
    with catalog_path(language).open("rb") as po:
        catalog = read_po(po, locale=CATALOG_IDS[language])
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)  # a fuzzy entry is not a translation yet
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def load_all() -> dict[str, gettext.GNUTranslations]:
    return {language: load_translations(language) for language in CATALOG_IDS}
