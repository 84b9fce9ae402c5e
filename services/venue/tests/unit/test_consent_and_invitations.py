"""The consent text's published versions never change (each pinned by its SHA-256) and exist in zh-CN and
en; an uploaded guest list is read row by row, each fault named by the row as the spreadsheet shows it."""

from __future__ import annotations

import pytest

from services.venue.adapters.invitation_files import CSV, UnreadableFile, guest_rows
from services.venue.domain.consent import SECTIONS, load_consent, version_digest
from services.venue.domain.invitations import Invitee, guest_locale, read_rows

pytestmark = pytest.mark.unit

PUBLISHED = {"2026-12-01": "47c6727e43acaefe40c967336a08c022343ae0b852d05bca98839fd8da468daf"}


def test_every_published_consent_version_is_unchanged_and_complete_in_chinese_and_english():
    consent = load_consent()
    assert {str(v["version"]): version_digest(v) for v in consent.versions} == PUBLISHED
    for locale in ("zh-CN", "en"):
        shown = consent.text(locale)
        assert shown.locale == locale and set(shown.sections) == set(SECTIONS)
        assert all(text.strip() for text in shown.sections.values())
    assert consent.text("lo").locale == "en"  # no Lao text yet: English, never an empty page


def test_rows_are_numbered_as_the_sheet_shows_them_and_every_fault_is_named():
    rows = [
        {"email": "A@Example.org", "locale": ""},
        {"email": "", "name": "", "locale": ""},  # an empty line is skipped, its number kept
        {"email": "broken", "locale": "xx"},
        {"email": "a@example.org"},
        {"email": "old@example.org"},
    ]
    kept, faults = read_rows(rows, "en", frozenset({"old@example.org"}))
    assert [(v.field, v.reason) for v in faults] == [
        ("rows[4].email", "is not an e-mail address"),
        ("rows[4].locale", "must be one of: zh-CN, en, ko, fr, es, th, vi, lo, km, ms"),
        ("rows[5].email", "repeats row 2"),
        ("rows[6].email", "is already invited to this booking"),
    ]
    assert kept[0] == Invitee("a@example.org", "en")
    assert read_rows([], "en", frozenset())[1][0].field == "rows"


def test_a_file_is_read_with_or_without_bom_and_refused_by_its_columns_not_its_content():
    assert guest_rows("\ufeffEmail,Locale\nx@example.org,ko\n".encode(), CSV, 10) == [
        {"email": "x@example.org", "locale": "ko"}
    ]
    with pytest.raises(UnreadableFile) as refused:
        guest_rows(b"mail,phone\nsecret@example.org,+8613800000000\n", CSV, 10)
    assert refused.value.field == "columns" and "secret" not in str(refused.value)
    with pytest.raises(UnreadableFile, match="UTF-8"):
        guest_rows("email\nmaría@example.org\n".encode("latin-1"), CSV, 10)


@pytest.mark.parametrize(
    ("asked", "guest"),
    [("zh-CN", "zh-CN"), ("zh-Hans", "zh-CN"), ("fr-CA", "fr"), ("de", "en"), (None, "en")],
)
def test_an_organizers_language_maps_to_the_nearest_guest_locale(asked, guest):
    assert guest_locale(asked) == guest
