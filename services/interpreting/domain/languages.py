"""The languages we interpret, as ISO 639-1 codes with English names, read from ``languages.json``."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import msgspec

LANGUAGES_PATH = Path(__file__).resolve().parent.parent / "languages.json"

_ISO_639_1 = re.compile(r"^[a-z]{2}$")


class UnknownLanguage(ValueError):
    """A code that is not ISO 639-1, or one we do not interpret."""


@cache
def supported_languages(path: Path = LANGUAGES_PATH) -> dict[str, str]:
    """ISO 639-1 code -> English name of every language we interpret."""
    return msgspec.json.decode(path.read_bytes(), type=dict[str, str])


def language(code: str, role: str) -> str:
    """``code`` normalized to lower case; ``UnknownLanguage`` naming it and its ``role`` if not supported."""
    normalized = code.strip().lower()
    if not _ISO_639_1.match(normalized):
        raise UnknownLanguage(f"the {role} {code!r} is not an ISO 639-1 code such as en, zh or ja")
    if normalized not in supported_languages():
        known = ", ".join(sorted(supported_languages()))
        raise UnknownLanguage(f"the {role} {normalized!r} is not a language we interpret (we do: {known})")
    return normalized
