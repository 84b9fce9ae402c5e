"""Every notice renders in every complete locale with no key missing, times in the reader's zone.

The organizer lives in Berlin and the events sit around Europe's switch to summer time (Sunday
2027-03-28, 01:00 UTC): Berlin is UTC+1 before it and UTC+2 after, Shanghai UTC+8 throughout.
"""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.notify.domain.account_notices import account_variables
from services.notify.domain.notices import NOTICE_VARIABLES
from services.notify.domain.outcome import booking_variables, reminder_variables
from services.notify.domain.projection import BookingView, TaskView
from services.notify.domain.task_text import organizer_variables, task_variables, work_variables
from services.notify.domain.templates import Rendered, load_templates, render
from services.notify.domain.wording import Reader
from shared.contracts import (
    AccountDisabled,
    ApprovalNeeded,
    BookingCancelled,
    BookingChanged,
    BookingConfirmed,
    BookingReceived,
    BookingRejected,
    HoldExpired,
    HoldExpiring,
    Organizer,
    PasswordChanged,
    PasswordResetRequested,
    SignInLinkRequested,
    SignupAttempted,
    SignupVerificationRequested,
    VendorTaskAssigned,
    VendorTaskCancelled,
    VendorTaskChanged,
    VendorTaskDeclined,
    VendorTaskEscalated,
    WaitlistPromoted,
)

pytestmark = pytest.mark.unit

TEMPLATES = load_templates()
SHANGHAI = ZoneInfo("Asia/Shanghai")
COMPLETE_LOCALES = ("en", "zh-CN")
BOOKING = uuid.UUID("11111111-2222-4333-8444-555555555555")
AFTER_SWITCH = (datetime(2027, 3, 28, 6, tzinfo=UTC), datetime(2027, 3, 28, 10, tzinfo=UTC))
BEFORE_SWITCH = (datetime(2027, 3, 27, 6, tzinfo=UTC), datetime(2027, 3, 27, 10, tzinfo=UTC))
NIGHT_OF_SWITCH = datetime(2027, 3, 27, 23, 30, tzinfo=UTC)  # 00:30 Berlin winter time, 07:30 Shanghai


def common(locale: str) -> dict:
    return {
        "booking_id": BOOKING,
        "title": "Tourism <Forum> & Salon",
        "space_id": "multifunctional-hall",
        "space_name": "Multifunctional Hall",
        "starts_at": AFTER_SWITCH[0],
        "ends_at": AFTER_SWITCH[1],
        "organizer": Organizer(
            name="Anna Weber", email="anna@example.de", locale=locale, time_zone="Europe/Berlin"
        ),
    }


def task(**changes) -> dict:
    fields = {
        "booking_id": BOOKING,
        "task_id": f"interpreting-{BOOKING}-agency-yangtze",
        "kind": "interpreting",
        "vendor_id": "agency-yangtze",
    }
    return fields | changes


WORK = {
    "space_id": "multifunctional-hall",
    "starts_at": AFTER_SWITCH[0],
    "ends_at": AFTER_SWITCH[1],
    "load_in_at": AFTER_SWITCH[0] - timedelta(minutes=30),
    "load_out_at": AFTER_SWITCH[1] + timedelta(minutes=30),
    "summary": "Simultaneous interpretation en→zh: 2 interpreter(s) in booth(s) fixed-1",
}
KNOWN_TASK = TaskView(
    task_id=task()["task_id"],
    vendor_id="agency-yangtze",
    kind="interpreting",
    booking_id=BOOKING,
    state="active",
    space_id="multifunctional-hall",
    starts_at=AFTER_SWITCH[0],
    ends_at=AFTER_SWITCH[1],
    load_in_at=WORK["load_in_at"],
    summary=WORK["summary"],
)
KNOWN_BOOKING = BookingView(
    booking_id=BOOKING,
    organizer_key="organizer:anna@example.de",
    title="Tourism <Forum> & Salon",
    space_id="multifunctional-hall",
    space_name="Multifunctional Hall",
    starts_at=AFTER_SWITCH[0],
    ends_at=AFTER_SWITCH[1],
    status="confirmed",
)

Builder = Callable[[str, Reader], dict[str, str]]


def organizer_event(make: Callable[[str], object]) -> Builder:
    return lambda locale, reader: booking_variables(make(locale), reader)  # type: ignore[arg-type]


ORGANIZER_CASES: dict[str, Builder] = {
    "booking_received": organizer_event(
        lambda locale: BookingReceived(**common(locale), services=["interpreting"])
    ),
    "booking_confirmed": organizer_event(
        lambda locale: BookingConfirmed(**common(locale), services=["catering"])
    ),
    "booking_rejected": organizer_event(
        lambda locale: BookingRejected(**common(locale), reason="no booth free")
    ),
    "booking_changed": organizer_event(
        lambda locale: BookingChanged(
            **common(locale),
            changes=["time", "attendees"],
            previous_starts_at=BEFORE_SWITCH[0],
            previous_ends_at=BEFORE_SWITCH[1],
        )
    ),
    "booking_cancelled": organizer_event(
        lambda locale: BookingCancelled(
            **common(locale), reason="organizer asked", fee_minor=120_000, currency="CNY"
        )
    ),
    "hold_expiring": organizer_event(
        lambda locale: HoldExpiring(**common(locale), expires_at=NIGHT_OF_SWITCH)
    ),
    "hold_expired": organizer_event(lambda locale: HoldExpired(**common(locale))),
    "waitlist_promoted": organizer_event(
        lambda locale: WaitlistPromoted(**common(locale), expires_at=NIGHT_OF_SWITCH)
    ),
    "reminder": lambda locale, reader: reminder_variables(
        KNOWN_BOOKING, reader, "Anna Weber", timedelta(days=7)
    ),
    "service_escalated": lambda locale, reader: organizer_variables(
        VendorTaskEscalated(**task(), reason="nobody accepted"), KNOWN_BOOKING, reader, "Anna Weber"
    ),
    "urgent_broadcast": lambda locale, reader: {
        "recipient_name": "Anna Weber",
        "headline": "Venue closed",
        "message": "Typhoon warning: closed all day.",
        "affected": reader.event_line("Tourism <Forum> & Salon", *AFTER_SWITCH),
        "window": reader.window(*AFTER_SWITCH),
        "venue_name": reader.style.venue_name,
    },
    "webhook_disabled": lambda locale, reader: {
        "recipient_name": "Anna Weber",
        "endpoint_id": str(BOOKING),
        "endpoint_url": "https://hooks.example.de/x?a=1&b=2",
        "failures": "15",
        "venue_name": reader.style.venue_name,
    },
}
PERSON = Organizer(name="Anna Weber", email="anna@example.de", locale="en", time_zone="Europe/Berlin")
ACCOUNT = uuid.UUID("22222222-3333-4444-8555-666666666666")
LINK = "https://web.example/sign-in/link/verify?token=wl_abc&x=<y>"


def account_event(event: object) -> Builder:
    return lambda locale, reader: account_variables(event, reader)  # type: ignore[arg-type]


ORGANIZER_CASES |= {
    "signup_verification": account_event(
        SignupVerificationRequested(account_id=ACCOUNT, person=PERSON, link=LINK, expires_at=NIGHT_OF_SWITCH)
    ),
    "signup_attempted": account_event(
        SignupAttempted(
            account_id=ACCOUNT,
            person=PERSON,
            sign_in_url="https://web.example/sign-in",
            password_reset_url="https://web.example/password-reset",
        )
    ),
    "sign_in_link": account_event(
        SignInLinkRequested(account_id=ACCOUNT, person=PERSON, link=LINK, expires_at=NIGHT_OF_SWITCH)
    ),
    "password_reset": account_event(
        PasswordResetRequested(account_id=ACCOUNT, person=PERSON, link=LINK, expires_at=NIGHT_OF_SWITCH)
    ),
    "password_changed": account_event(PasswordChanged(account_id=ACCOUNT, person=PERSON)),
    "account_disabled": account_event(AccountDisabled(account_id=ACCOUNT, person=PERSON)),
}
VENDOR_OR_STAFF_CASES: dict[str, Builder] = {
    "approval_needed": lambda locale, reader: booking_variables(
        ApprovalNeeded(**common("en"), decide_by=NIGHT_OF_SWITCH), reader, "Duty desk"
    ),
    "vendor_task_assigned": lambda locale, reader: task_variables(
        VendorTaskAssigned(**task(**WORK)), None, KNOWN_BOOKING, reader, "王敏"
    ),
    "vendor_task_changed": lambda locale, reader: task_variables(
        VendorTaskChanged(**task(**WORK), changes=["time"]), KNOWN_TASK, KNOWN_BOOKING, reader, "王敏"
    ),
    "vendor_task_cancelled": lambda locale, reader: task_variables(
        VendorTaskCancelled(**task(), reason="booking cancelled"), KNOWN_TASK, KNOWN_BOOKING, reader, "王敏"
    ),
    "vendor_task_declined": lambda locale, reader: task_variables(
        VendorTaskDeclined(**task(), reason="no interpreter free"),
        KNOWN_TASK,
        KNOWN_BOOKING,
        reader,
        "Duty desk",
        "长江会议口译",
    ),
    "vendor_task_escalated": lambda locale, reader: task_variables(
        VendorTaskEscalated(**task(), reason="nobody accepted", title="Forum", starts_at=AFTER_SWITCH[0]),
        None,
        None,
        reader,
        "Duty desk",
        "长江会议口译",
    ),
    "vendor_reminder": lambda locale, reader: (
        work_variables(KNOWN_TASK, reader, "王敏") | {"lead": reader.lead(timedelta(hours=24))}
    ),
}


def test_every_notice_has_a_rendering_case() -> None:
    assert set(ORGANIZER_CASES) | set(VENDOR_OR_STAFF_CASES) == set(NOTICE_VARIABLES)


def rendered(notice: str, locale: str, zone: str) -> tuple[dict[str, str], Rendered]:
    pack = TEMPLATES.packs[locale]
    reader = Reader.of(pack, zone, SHANGHAI)
    build = ORGANIZER_CASES.get(notice) or VENDOR_OR_STAFF_CASES[notice]
    provided = build(locale, reader)
    return provided, render(pack, notice, provided)


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
@pytest.mark.parametrize("notice", sorted(NOTICE_VARIABLES))
def test_every_template_renders_with_every_key_and_nothing_left_over(notice: str, locale: str) -> None:
    zone = "Europe/Berlin" if notice in ORGANIZER_CASES else "Asia/Shanghai"

    provided, message = rendered(notice, locale, zone)

    assert set(provided) == NOTICE_VARIABLES[notice]
    assert message.locale == locale
    for part in (message.subject, message.text, message.html, message.sms):
        assert part and "${" not in part
    assert "\n" not in message.subject and "\n" not in message.sms
    assert "<Forum>" not in message.html  # values are escaped in HTML


EXPECTED_WHEN = {
    "en": "28 March 2027, 08:00–12:00 (Europe/Berlin) [14:00–18:00 Asia/Shanghai]",
    "zh-CN": "2027年3月28日 08:00–12:00（Europe/Berlin） [14:00–18:00 Asia/Shanghai]",
}


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
@pytest.mark.parametrize("notice", sorted(ORGANIZER_CASES))
def test_an_organizer_in_berlin_reads_summer_time_after_the_switch(notice: str, locale: str) -> None:
    provided, message = rendered(notice, locale, "Europe/Berlin")

    shown = provided.get("when") or provided.get("window")
    if shown is not None:
        assert shown == EXPECTED_WHEN[locale]
        assert EXPECTED_WHEN[locale] in message.text


@pytest.mark.parametrize(
    ("locale", "before"),
    [
        ("en", "27 March 2027, 07:00–11:00 (Europe/Berlin) [14:00–18:00 Asia/Shanghai]"),
        ("zh-CN", "2027年3月27日 07:00–11:00（Europe/Berlin） [14:00–18:00 Asia/Shanghai]"),
    ],
)
def test_a_move_across_the_switch_shows_the_old_time_in_winter_time(locale: str, before: str) -> None:
    provided, message = rendered("booking_changed", locale, "Europe/Berlin")

    assert provided["previous_when"] == before
    assert before in message.text


@pytest.mark.parametrize(
    ("locale", "deadline"),
    [
        ("en", "28 March 2027, 00:30 (Europe/Berlin) [07:30 Asia/Shanghai]"),
        ("zh-CN", "2027年3月28日 00:30（Europe/Berlin） [07:30 Asia/Shanghai]"),
    ],
)
def test_a_deadline_in_the_switch_night_is_still_winter_time(locale: str, deadline: str) -> None:
    provided, _ = rendered("hold_expiring", locale, "Europe/Berlin")

    assert provided["expires"] == deadline


def test_staff_and_vendors_in_shanghai_read_the_time_once() -> None:
    provided, _ = rendered("vendor_task_assigned", "zh-CN", "Asia/Shanghai")

    assert provided["when"] == "2027年3月28日 14:00–18:00（Asia/Shanghai）"
    assert provided["load_in"] == "2027年3月28日 13:30（Asia/Shanghai）"
    assert provided["space_name"] == "多功能厅"
    assert provided["service"] == "同声传译"


def test_a_cancellation_states_the_fee_in_the_readers_words() -> None:
    english, _ = rendered("booking_cancelled", "en", "Europe/Berlin")
    chinese, _ = rendered("booking_cancelled", "zh-CN", "Europe/Berlin")

    assert english["fee"] == "CNY 1,200.00"
    assert chinese["fee"] == "1,200.00 CNY"


def test_leads_read_in_days_or_hours() -> None:
    english, _ = rendered("reminder", "en", "Europe/Berlin")
    chinese, _ = rendered("vendor_reminder", "zh-CN", "Asia/Shanghai")

    assert english["lead"] == "in 7 days"
    assert chinese["lead"] == "24小时后"


@pytest.mark.parametrize(
    ("locale", "promise", "service"),
    [
        ("en", "will contact you shortly", "simultaneous interpretation"),
        ("zh-CN", "场馆团队正在为您安排，并将尽快与您联系", "同声传译"),
    ],
)
def test_an_organizer_hears_of_an_escalation_reassuringly_and_without_vendor_internals(
    locale: str, promise: str, service: str
) -> None:
    provided, message = rendered("service_escalated", locale, "Europe/Berlin")

    assert provided["service"] == service and service in message.subject
    assert promise in message.text
    for part in (message.subject, message.text, message.html, message.sms):
        assert "agency-yangtze" not in part and "长江" not in part
        assert "nobody accepted" not in part and "interpreting-" not in part


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
@pytest.mark.parametrize("notice", ["signup_verification", "sign_in_link", "password_reset"])
def test_a_link_notice_carries_the_link_and_its_expiry_in_the_readers_zone(notice: str, locale: str) -> None:
    provided, message = rendered(notice, locale, "Europe/Berlin")

    assert LINK in message.text
    assert 'href="https://web.example/sign-in/link/verify?token=wl_abc&amp;x=&lt;y&gt;"' in message.html
    expected = (
        "28 March 2027, 00:30 (Europe/Berlin)" if locale == "en" else "2027年3月28日 00:30（Europe/Berlin）"
    )
    assert provided["expires"].startswith(expected)
    assert provided["expires"] in message.text
