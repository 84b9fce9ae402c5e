"""A locale is added by dropping in a folder; what it lacks comes from English."""

import shutil
from pathlib import Path

import pytest

from services.notify.domain.templates import TEMPLATES_PATH, load_templates, render

pytestmark = pytest.mark.unit


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(TEMPLATES_PATH / "en", tmp_path / "en")
    (tmp_path / "ja").mkdir()
    (tmp_path / "ja" / "locale.toml").write_text(
        'none = "なし"\nlist_separator = "、"\n\n[services]\ncatering = "ケータリング"\n'
    )
    (tmp_path / "ja" / "hold_expired.toml").write_text(
        'subject = "仮押さえの期限が切れました：${title}"\ntext = "${organizer_name} 様"\nhtml = "<p>${organizer_name} 様</p>"\n'
    )
    return tmp_path


def test_a_partial_locale_keeps_its_own_words_and_takes_the_rest_from_english(folder: Path) -> None:
    style = load_templates(folder).packs["ja"].style

    assert (style.none, style.list_separator) == ("なし", "、")
    assert style.services == {"interpreting": "simultaneous interpretation", "catering": "ケータリング"}
    assert style.formats.date == "${day} ${month} ${year}"


def test_a_template_the_locale_lacks_is_sent_in_english(folder: Path) -> None:
    templates = load_templates(folder)

    assert templates.pack_for("ja", "hold_expired").locale == "ja"
    assert templates.pack_for("ja-JP", "booking_confirmed").locale == "en"
    assert templates.pack_for("ko", "hold_expired").locale == "en"
    message = render(
        templates.pack_for("ja", "hold_expired"),
        "hold_expired",
        {"organizer_name": "山田", "title": "展示会"},
    )
    assert message.subject == "仮押さえの期限が切れました：展示会"
