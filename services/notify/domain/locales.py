"""Which of our template locales serves an organizer's language tag (BCP 47, e.g. ``zh-Hans``)."""

from __future__ import annotations

from collections.abc import Collection

DEFAULT_LOCALE = "en"


def _language(tag: str) -> str:
    return tag.split("-", 1)[0]


def resolve_locale(tag: str, available: Collection[str], default: str = DEFAULT_LOCALE) -> str:
    """The available locale closest to ``tag``: the same tag, else the same language, else ``default``.

    Tags compare case-insensitively and ``_`` counts as ``-`` (``zh_cn`` is ``zh-CN``), so ``zh``,
    ``zh-Hans`` and ``zh-SG`` are served by ``zh-CN``, ``en-GB`` by ``en``, and ``de`` falls back to ``en``.
    """
    wanted = tag.strip().replace("_", "-").lower()
    by_lower = {locale.lower(): locale for locale in sorted(available)}
    if wanted in by_lower:
        return by_lower[wanted]
    same_language = [locale for lower, locale in by_lower.items() if _language(lower) == _language(wanted)]
    return same_language[0] if same_language else default
