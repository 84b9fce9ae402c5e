import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from services.notify.domain.outcome import EVENT_VARIABLES, render_outcome, variables
from services.notify.domain.templates import load_templates
from shared.contracts import BookingConfirmed, BookingRejected, Organizer

pytestmark = pytest.mark.unit

TEMPLATES = load_templates()
SHANGHAI = ZoneInfo("Asia/Shanghai")
COMPLETE_LOCALES = ("en", "zh-CN")


def organizer(locale: str) -> Organizer:
    return Organizer(name="Anna <Müller>", email="anna@example.de", locale=locale, time_zone="Europe/Berlin")


def confirmed(
    locale: str = "en", services: tuple[str, ...] = ("interpreting", "catering")
) -> BookingConfirmed:
    return BookingConfirmed(
        booking_id=uuid.uuid4(),
        title="Destination Malaysia & friends",
        space_id="multifunctional-hall",
        space_name="Multifunctional Hall",
        starts_at=datetime(2027, 3, 2, 6, tzinfo=UTC),
        ends_at=datetime(2027, 3, 2, 10, tzinfo=UTC),
        organizer=organizer(locale),
        services=list(services),
    )


def rejected(locale: str = "en") -> BookingRejected:
    return BookingRejected(
        booking_id=uuid.uuid4(),
        title="Trade salon",
        space_id="vip-hall",
        space_name="VIP Hall",
        starts_at=datetime(2027, 3, 28, 6, tzinfo=UTC),
        ends_at=datetime(2027, 3, 28, 10, tzinfo=UTC),
        organizer=organizer(locale),
        reason="no interpreter for Malay is free at that time",
    )


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_every_complete_locale_has_a_template_for_every_event(locale: str) -> None:
    assert set(TEMPLATES.packs[locale].templates) == set(EVENT_VARIABLES)


@pytest.mark.parametrize("locale", sorted(TEMPLATES.packs))
@pytest.mark.parametrize("event", sorted(EVENT_VARIABLES))
def test_templates_use_only_variables_the_event_provides(locale: str, event: str) -> None:
    template = TEMPLATES.packs[locale].templates[event]

    assert template.identifiers() <= EVENT_VARIABLES[event]
    assert template.subject and template.text and template.html


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
@pytest.mark.parametrize("make", [confirmed, rejected])
def test_every_template_renders_with_no_placeholder_left(locale: str, make) -> None:
    event = make(locale)
    pack = TEMPLATES.for_locale(locale)

    provided = variables(event, pack, SHANGHAI)
    rendered = render_outcome(event, pack, SHANGHAI)

    assert set(provided) == EVENT_VARIABLES[event.subject.rsplit(".", 1)[1]]
    assert rendered.locale == locale
    for part in (rendered.subject, rendered.text, rendered.html):
        assert "${" not in part and "$" not in part
    assert event.title in rendered.subject and "\n" not in rendered.subject
    assert str(event.booking_id) in rendered.text
    assert "[14:00–18:00 Asia/Shanghai]" in rendered.text


def test_a_rejection_says_why() -> None:
    rendered = render_outcome(rejected("zh-CN"), TEMPLATES.for_locale("zh-CN"), SHANGHAI)

    assert "原因：no interpreter for Malay is free at that time" in rendered.text
    assert rendered.subject.startswith("预订未能完成")


def test_the_services_are_named_in_the_readers_language() -> None:
    english = render_outcome(confirmed("en"), TEMPLATES.for_locale("en"), SHANGHAI)
    chinese = render_outcome(confirmed("zh-CN"), TEMPLATES.for_locale("zh-CN"), SHANGHAI)
    none = render_outcome(confirmed("en", services=()), TEMPLATES.for_locale("en"), SHANGHAI)

    assert "simultaneous interpretation, catering" in english.text
    assert "同声传译、餐饮服务" in chinese.text
    assert "Services:  none" in none.text


def test_a_german_organizer_reads_english() -> None:
    rendered = render_outcome(confirmed("de"), TEMPLATES.for_locale("de"), SHANGHAI)

    assert rendered.locale == "en"
    assert rendered.subject == "Booking confirmed: Destination Malaysia & friends"


def test_values_are_escaped_in_html_only() -> None:
    rendered = render_outcome(confirmed(), TEMPLATES.for_locale("en"), SHANGHAI)

    assert "Dear Anna <Müller>," in rendered.text
    assert "Anna &lt;Müller&gt;" in rendered.html and "<Müller>" not in rendered.html
    assert "Malaysia &amp; friends" in rendered.html
