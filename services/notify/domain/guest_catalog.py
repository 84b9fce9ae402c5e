"""Guest messages in the ten guest locales (docs/guests.md, "Guest languages"): ``templates/guests/<locale>.toml``.

Each catalog has a header (its locale, who reviewed it and when) and one entry per template: subject, text
and an optional SMS text, ``string.Template`` placeholders exactly as in English. An entry a catalog lacks,
leaves empty or marks ``fuzzy`` (a machine draft not yet reviewed by a native speaker) is taken from English:
a guest never gets an empty text. The language tag is resolved first (``vi-VN`` -> ``vi``, ``de`` -> ``en``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from string import Template

import msgspec

from services.notify.domain.locales import DEFAULT_LOCALE, resolve_locale
from services.notify.domain.templates import TEMPLATES_PATH, Rendered

GUEST_LOCALES = ("zh-CN", "en", "ko", "fr", "es", "th", "vi", "lo", "km", "ms")
GUEST_TEMPLATES = (
    "guest_invitation",
    "guest_registered",
    "letter_issued",
    "letter_refused",
    "guest_withdrawn",
    "guest_pass",
    "urgent_notice_guest",
)
CATALOGS_PATH = TEMPLATES_PATH / "guests"


class GuestTemplate(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    subject: str
    text: str
    sms: str = ""
    fuzzy: bool = False

    def parts(self) -> tuple[str, str, str]:
        return self.subject, self.text, self.sms

    def identifiers(self) -> set[str]:
        return {name for part in self.parts() for name in Template(part).get_identifiers()}

    @property
    def usable(self) -> bool:
        return not self.fuzzy and bool(self.subject.strip()) and bool(self.text.strip())


class CatalogHeader(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    locale: str
    reviewed_by: str = ""
    reviewed_on: str = ""


class GuestCatalog(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    catalog: CatalogHeader
    templates: dict[str, GuestTemplate]


class GuestCatalogs(msgspec.Struct, frozen=True):
    catalogs: dict[str, GuestCatalog]

    def template(self, tag: str, name: str) -> tuple[str, GuestTemplate]:
        """The locale that serves ``name`` to a reader of ``tag``, and its entry (English when theirs is
        missing, empty or fuzzy)."""
        locale = resolve_locale(tag, self.catalogs, DEFAULT_LOCALE)
        entry = self.catalogs[locale].templates.get(name)
        if entry is not None and entry.usable:
            return locale, entry
        return DEFAULT_LOCALE, self.catalogs[DEFAULT_LOCALE].templates[name]

    def render(self, tag: str, name: str, variables: Mapping[str, str]) -> Rendered:
        """Fill the entry; KeyError names a placeholder the variables lack (nothing half-filled is sent)."""
        locale, entry = self.template(tag, name)
        subject = " ".join(Template(entry.subject).substitute(variables).split())
        sms = " ".join(Template(entry.sms).substitute(variables).split()) if entry.sms else subject
        return Rendered(
            locale=locale, subject=subject, text=Template(entry.text).substitute(variables), html="", sms=sms
        )


def load_guest_catalogs(folder: Path = CATALOGS_PATH) -> GuestCatalogs:
    """Every ``<locale>.toml`` of ``folder``; English must be complete (it is every other one's fallback)."""
    catalogs = {
        path.stem: msgspec.toml.decode(path.read_bytes(), type=GuestCatalog)
        for path in sorted(folder.glob("*.toml"))
    }
    english = catalogs.get(DEFAULT_LOCALE)
    if english is None or any(not english.templates.get(name, _EMPTY).usable for name in GUEST_TEMPLATES):
        raise ValueError(f"the English guest catalog in {folder} must have every guest template, reviewed")
    return GuestCatalogs(catalogs=catalogs)


_EMPTY = GuestTemplate(subject="", text="")
