"""The guest catalogs: every template in every guest locale with English's placeholders and no empty text;
a missing, empty or fuzzy entry is sent in English, never as an empty string."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from services.notify.domain.guest_catalog import (
    CATALOGS_PATH,
    GUEST_LOCALES,
    GUEST_TEMPLATES,
    load_guest_catalogs,
)

pytestmark = pytest.mark.unit

CATALOGS = load_guest_catalogs()
ENGLISH = CATALOGS.catalogs["en"].templates
VARIABLES = {
    name: f"<{name}>"
    for name in ("guest_name", "event_title", "event_dates", "organizer", "link", "expires", "check_code",
                 "letter_number", "reason", "space", "headline", "message", "venue_name")
}  # fmt: skip


def test_there_is_a_catalog_for_every_guest_locale_and_english_has_every_template() -> None:
    assert set(CATALOGS.catalogs) == set(GUEST_LOCALES)
    assert all(CATALOGS.catalogs[locale].catalog.locale == locale for locale in GUEST_LOCALES)
    assert set(ENGLISH) == set(GUEST_TEMPLATES)


@pytest.mark.parametrize("locale", GUEST_LOCALES)
def test_every_catalog_has_every_template_with_englishs_placeholders_and_no_empty_text(locale: str) -> None:
    templates = CATALOGS.catalogs[locale].templates

    assert set(templates) == set(ENGLISH)
    for name, entry in templates.items():
        assert entry.identifiers() == ENGLISH[name].identifiers(), (locale, name)
        assert entry.subject.strip() and entry.text.strip(), (locale, name)
        assert bool(entry.sms) == bool(ENGLISH[name].sms), (locale, name)


@pytest.mark.parametrize("locale", GUEST_LOCALES)
def test_a_catalog_is_either_reviewed_and_says_by_whom_or_every_entry_is_a_fuzzy_draft(locale: str) -> None:
    catalog = CATALOGS.catalogs[locale]
    fuzzy = {entry.fuzzy for entry in catalog.templates.values()}

    if catalog.catalog.reviewed_by:
        assert fuzzy == {False} and catalog.catalog.reviewed_on
    else:
        assert fuzzy == {True}


@pytest.mark.parametrize("locale", GUEST_LOCALES)
@pytest.mark.parametrize("name", GUEST_TEMPLATES)
def test_every_template_renders_in_every_locale_with_nothing_left_unfilled(locale: str, name: str) -> None:
    rendered = CATALOGS.render(locale, name, VARIABLES)

    for part in (rendered.subject, rendered.text, rendered.sms):
        assert part.strip() and "${" not in part
    assert "\n" not in rendered.subject


def test_chinese_is_sent_in_chinese_and_a_draft_or_an_unknown_language_in_english() -> None:
    chinese = CATALOGS.render("zh-Hans", "urgent_notice_guest", VARIABLES)
    korean_draft = CATALOGS.render("ko", "urgent_notice_guest", VARIABLES)
    german = CATALOGS.render("de-DE", "guest_pass", VARIABLES)

    assert (chinese.locale, chinese.subject) == ("zh-CN", "WICT 紧急通知：<headline>")
    assert chinese.sms == "WICT 紧急通知：<headline>。<message>"
    assert (korean_draft.locale, korean_draft.subject) == ("en", "Urgent notice from WICT: <headline>")
    assert german.locale == "en" and german.sms == "WICT pass for <event_title>: code <check_code>."


def test_a_missing_or_empty_entry_falls_back_to_english_key_by_key(tmp_path: Path) -> None:
    folder = tmp_path / "guests"
    shutil.copytree(CATALOGS_PATH, folder)
    french = (folder / "fr.toml").read_text(encoding="utf-8")
    pass_starts = french.index("[templates.guest_pass]")
    french = french[:pass_starts] + french[french.index("[templates.urgent_notice_guest]") :]
    french = french.replace(
        'subject = "Votre lettre d\'invitation ${letter_number} est prête"', 'subject = " "'
    )
    # the first three entries reviewed (invitation, registered, letter issued): only emptiness can refuse one
    french = french.replace("fuzzy = true", "fuzzy = false", 3)
    assert 'subject = " "' in french
    (folder / "fr.toml").write_text(french, encoding="utf-8")
    catalogs = load_guest_catalogs(folder)

    assert catalogs.template("fr", "guest_pass")[0] == "en"
    assert catalogs.template("fr", "letter_issued")[0] == "en"
    assert catalogs.template("fr", "guest_registered")[0] == "fr"
    assert (
        catalogs.render("fr-CA", "guest_invitation", VARIABLES).subject == "Votre invitation à <event_title>"
    )


def test_a_placeholder_without_a_value_refuses_to_render() -> None:
    with pytest.raises(KeyError, match="check_code"):
        CATALOGS.render("en", "guest_pass", {k: v for k, v in VARIABLES.items() if k != "check_code"})


def test_english_must_be_complete(tmp_path: Path) -> None:
    folder = tmp_path / "guests"
    shutil.copytree(CATALOGS_PATH, folder)
    english = (folder / "en.toml").read_text(encoding="utf-8")
    (folder / "en.toml").write_text(
        english.replace("[templates.guest_pass]", "[templates.guest_pass]\nfuzzy = true")
    )

    with pytest.raises(ValueError, match="English guest catalog"):
        load_guest_catalogs(folder)
