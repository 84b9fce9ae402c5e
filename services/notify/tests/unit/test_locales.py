import pytest

from services.notify.domain.locales import resolve_locale
from services.notify.domain.templates import load_templates

pytestmark = pytest.mark.unit

AVAILABLE = ("en", "zh-CN")


@pytest.mark.parametrize(
    ("tag", "served_by"),
    [
        ("en", "en"),
        ("zh-CN", "zh-CN"),
        ("zh-cn", "zh-CN"),
        ("zh_CN", "zh-CN"),
        ("zh", "zh-CN"),
        ("zh-Hans", "zh-CN"),
        ("zh-Hans-CN", "zh-CN"),
        ("en-GB", "en"),
        ("de", "en"),
        ("de-DE", "en"),
        ("ms", "en"),
        ("", "en"),
    ],
)
def test_a_tag_is_served_by_the_closest_locale_we_have(tag: str, served_by: str) -> None:
    assert resolve_locale(tag, AVAILABLE) == served_by


def test_the_loaded_templates_serve_german_in_english_and_chinese_in_chinese() -> None:
    templates = load_templates()

    assert templates.for_locale("de").locale == "en"
    assert templates.for_locale("zh-Hans").locale == "zh-CN"
    assert templates.for_locale("zh-CN").style.list_separator == "、"
