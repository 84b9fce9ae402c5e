"""Message templates are data: ``templates/<locale>/<event>.toml`` plus ``locale.toml`` per locale.

A template has a subject, a plain-text body, an HTML body and an optional SMS text, each a
``string.Template`` (``${title}``); rendering fails on a missing variable rather than sending a
half-filled message. Values are HTML-escaped for the HTML body only.

A new locale is added by dropping in a folder: its ``locale.toml`` may give only some keys (the rest
come from English) and any template it lacks is sent in English.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import Any

import msgspec

from services.notify.domain.locales import DEFAULT_LOCALE, resolve_locale
from services.notify.domain.times import Formats

TEMPLATES_PATH = Path(__file__).resolve().parent.parent / "templates"


class MessageTemplate(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    subject: str
    text: str
    html: str = ""
    sms: str = ""

    def identifiers(self) -> set[str]:
        """Every variable the template uses."""
        parts = (self.subject, self.text, self.html, self.sms)
        return {name for part in parts for name in Template(part).get_identifiers()}


class Wording(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Phrases the variables are built from (string.Template)."""

    lead_days: str
    lead_hours: str
    fee: str
    no_fee: str
    confirm_by: str
    event_line: str


class LocaleStyle(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    venue_name: str
    months: list[str]
    none: str
    list_separator: str
    formats: Formats
    services: dict[str, str]
    wording: Wording
    changes: dict[str, str] = {}
    spaces: dict[str, str] = {}


class LocalePack(msgspec.Struct, frozen=True):
    locale: str
    style: LocaleStyle
    templates: dict[str, MessageTemplate]


class Rendered(msgspec.Struct, frozen=True):
    locale: str
    subject: str
    text: str
    html: str
    sms: str = ""


class Templates(msgspec.Struct, frozen=True):
    packs: dict[str, LocalePack]

    def for_locale(self, tag: str) -> LocalePack:
        """The pack serving the language tag ``tag`` (see ``resolve_locale``)."""
        return self.packs[resolve_locale(tag, self.packs, DEFAULT_LOCALE)]

    def pack_for(self, tag: str, event: str) -> LocalePack:
        """The pack that renders ``event`` for ``tag``: the reader's, or English if theirs lacks it."""
        pack = self.for_locale(tag)
        return pack if event in pack.templates else self.packs[DEFAULT_LOCALE]


def render(pack: LocalePack, event: str, variables: Mapping[str, str]) -> Rendered:
    """Fill ``event``'s template of ``pack``; KeyError names a variable the template needs but lacks."""
    template = pack.templates[event]
    escaped = {name: html.escape(value) for name, value in variables.items()}
    subject = " ".join(Template(template.subject).substitute(variables).split())  # one header line
    return Rendered(
        locale=pack.locale,
        subject=subject,
        text=Template(template.text).substitute(variables),
        html=Template(template.html).substitute(escaped) if template.html else "",
        sms=" ".join(Template(template.sms).substitute(variables).split()) if template.sms else subject,
    )


def _merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        both_tables = isinstance(value, dict) and isinstance(base.get(key), dict)
        merged[key] = _merged(base[key], value) if both_tables else value
    return merged


def _style_tables(folder: Path) -> dict[str, dict[str, Any]]:
    return {
        path.name: msgspec.toml.decode((path / "locale.toml").read_bytes())
        for path in sorted(folder.iterdir())
        if path.is_dir() and (path / "locale.toml").is_file()
    }


def load_templates(folder: Path = TEMPLATES_PATH) -> Templates:
    """Read every locale folder; the default locale must be among them."""
    tables = _style_tables(folder)
    if DEFAULT_LOCALE not in tables:
        raise ValueError(f"no templates for the default locale {DEFAULT_LOCALE!r} in {folder}")
    packs = {}
    for locale, table in tables.items():
        style = msgspec.convert(_merged(tables[DEFAULT_LOCALE], table), LocaleStyle)
        templates = {
            path.stem: msgspec.toml.decode(path.read_bytes(), type=MessageTemplate)
            for path in sorted((folder / locale).glob("*.toml"))
            if path.name != "locale.toml"
        }
        packs[locale] = LocalePack(locale=locale, style=style, templates=templates)
    return Templates(packs=packs)
