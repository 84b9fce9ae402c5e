"""The consent text guests accept (PIPL), read from ``consent.json`` (data, not code). Pure once loaded.

Versions never change after publication; the newest is current, the one before still counts for 24 hours
after the newest was published (a page opened before it). A locale without a text falls back to en.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from services.venue.domain.registration import ConsentVersions

CONSENT_PATH = Path(__file__).resolve().parent.parent / "consent.json"
SECTIONS = ("purpose", "kept", "retention", "recipients", "rights", "cross_border")
FALLBACK = "en"


@dataclass(frozen=True)
class ConsentText:
    version: str
    locale: str  # the locale of the text shown (en when the asked one has none)
    sections: dict[str, str]


@dataclass(frozen=True)
class Consent:
    versions: list[dict[str, object]]  # oldest first, as published

    @property
    def current(self) -> dict[str, object]:
        return self.versions[-1]

    def accepted(self) -> ConsentVersions:
        previous = self.versions[-2]["version"] if len(self.versions) > 1 else None
        replaced_at = datetime.fromisoformat(str(self.current["published_at"])) if previous else None
        return ConsentVersions(str(self.current["version"]), str(previous) if previous else None, replaced_at)

    def text(self, locale: str) -> ConsentText:
        texts = self.current["texts"]
        assert isinstance(texts, dict)
        shown = locale if locale in texts else FALLBACK
        return ConsentText(str(self.current["version"]), shown, dict(texts[shown]))


def version_digest(version: dict[str, object]) -> str:
    """The SHA-256 of a version as published (canonical JSON): a changed text changes it."""
    return hashlib.sha256(json.dumps(version, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def load_consent(path: Path = CONSENT_PATH) -> Consent:
    versions = json.loads(path.read_text(encoding="utf-8"))["versions"]
    for version in versions:
        for locale, sections in version["texts"].items():
            missing = [name for name in SECTIONS if not sections.get(name)]
            if missing:
                raise ValueError(f"consent {version['version']} {locale}: missing {', '.join(missing)}")
    return Consent(versions)
