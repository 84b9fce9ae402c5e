"""The two languages of the web application, and which one a visitor gets. Pure."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

LANGUAGES = ("zh-CN", "en")  # the tags the venue API uses
DEFAULT = "zh-CN"  # the venue is in Chongqing
BABEL_IDS = {"zh-CN": "zh_Hans_CN", "en": "en"}
CATALOG_IDS = {"zh-CN": "zh_CN", "en": "en"}


def supported(tag: str | None) -> str | None:
    """``tag`` if it names one of our languages (any case, ``_`` or ``-``), else None."""
    if not tag:
        return None
    wanted = tag.replace("_", "-").lower()
    for language in LANGUAGES:
        if wanted == language.lower():
            return language
    return None


def from_accept_language(header: str | None) -> str:
    """The best of our languages for an ``Accept-Language`` header (first visit, no choice made yet)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and quality > 0:
            ranked.append((-quality, position, tag.strip()))
    for _, _, tag in sorted(ranked):
        match = _match(tag)
        if match:
            return match
    return DEFAULT


def _match(tag: str) -> str | None:
    exact = supported(tag)
    if exact:
        return exact
    try:
        parsed = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    if parsed.language == "zh":  # zh, zh-Hans, zh-SG read simplified Chinese; zh-TW/HK get it too
        return "zh-CN"
    if parsed.language == "en":
        return "en"
    return None


def babel_locale(language: str) -> Locale:
    return Locale.parse(BABEL_IDS.get(language, "en"))
