"""Message templates are data: ``templates/<locale>/<event>.toml`` plus ``locale.toml`` per locale.

A template has a subject, a plain-text body and an optional HTML body, each a ``string.Template``
(``${title}``); rendering fails on a missing variable rather than sending a half-filled message.
Values are HTML-escaped for the HTML body only.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from string import Template

import msgspec

from services.notify.domain.locales import DEFAULT_LOCALE, resolve_locale
from services.notify.domain.times import Formats

TEMPLATES_PATH = Path(__file__).resolve().parent.parent / "templates"


class MessageTemplate(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    subject: str
    text: str
    html: str = ""

    def identifiers(self) -> set[str]:
        """Every variable the template uses."""
        parts = (self.subject, self.text, self.html)
        return {name for part in parts for name in Template(part).get_identifiers()}


class LocaleStyle(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    venue_name: str
    months: list[str]
    none: str
    list_separator: str
    formats: Formats
    services: dict[str, str]


class LocalePack(msgspec.Struct, frozen=True):
    locale: str
    style: LocaleStyle
    templates: dict[str, MessageTemplate]


class Rendered(msgspec.Struct, frozen=True):
    locale: str
    subject: str
    text: str
    html: str


class Templates(msgspec.Struct, frozen=True):
    packs: dict[str, LocalePack]

    def for_locale(self, tag: str) -> LocalePack:
        """The pack serving the language tag ``tag`` (see ``resolve_locale``)."""
        return self.packs[resolve_locale(tag, self.packs, DEFAULT_LOCALE)]


def render(pack: LocalePack, event: str, variables: Mapping[str, str]) -> Rendered:
    """Fill ``event``'s template of ``pack``; KeyError names a variable the template needs but lacks."""
    template = pack.templates[event]
    escaped = {name: html.escape(value) for name, value in variables.items()}
    return Rendered(
        locale=pack.locale,
        subject=" ".join(Template(template.subject).substitute(variables).split()),  # one header line
        text=Template(template.text).substitute(variables),
        html=Template(template.html).substitute(escaped) if template.html else "",
    )


def load_templates(folder: Path = TEMPLATES_PATH) -> Templates:
    """Read every locale folder; the default locale must be among them."""
    packs = {}
    for locale_dir in sorted(path for path in folder.iterdir() if path.is_dir()):
        style = msgspec.toml.decode((locale_dir / "locale.toml").read_bytes(), type=LocaleStyle)
        templates = {
            path.stem: msgspec.toml.decode(path.read_bytes(), type=MessageTemplate)
            for path in sorted(locale_dir.glob("*.toml"))
            if path.name != "locale.toml"
        }
        packs[locale_dir.name] = LocalePack(locale=locale_dir.name, style=style, templates=templates)
    if DEFAULT_LOCALE not in packs:
        raise ValueError(f"no templates for the default locale {DEFAULT_LOCALE!r} in {folder}")
    return Templates(packs=packs)
