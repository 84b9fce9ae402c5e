"""The pure rules of people's accounts: password policy and hashing, one-time links and refresh tokens,
the sign-in backoff and mail budget, profile fields and the search needle."""

from datetime import UTC, datetime, timedelta

import pytest

from services.venue.domain.account_settings import AccountSettings
from services.venue.domain.credentials import (
    LINK_REFUSALS,
    LinkState,
    Purpose,
    RefreshState,
    key_prefix,
    link_state,
    new_secret,
    refresh_state,
    secret_hash,
)
from services.venue.domain.passwords import HashingParameters, Passwords, password_problem
from services.venue.domain.profiles import (
    AccountStatus,
    account_status,
    locale_problem,
    phone_problem,
    profile_problems,
    search_needle,
    time_zone_problem,
)
from services.venue.domain.throttle import PER_CLIENT, PER_EMAIL, MailBudget, retry_after_seconds

pytestmark = pytest.mark.unit

NOW = datetime(2027, 3, 2, 6, tzinfo=UTC)
CHEAP = HashingParameters(time_cost=1, memory_kib=8, parallelism=1)


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short1", "at least 10"),
        ("x" * 257, "at most 256"),
        ("password123", "common password"),
        ("QWERTYUIOP", "common password"),
        ("aaaaaaaaaaaaaa", "common password"),
        ("ann.example@example.org", "e-mail address"),
        ("ann.example", "e-mail address"),  # long enough, but the address's local part
        ("Ann  Example", "your name"),
    ],
)
def test_a_new_password_must_be_long_enough_uncommon_and_not_the_address(password: str, reason: str) -> None:
    found = password_problem(password, email="ann.example@example.org", name="Ann Example")

    assert found is not None and reason in found


def test_a_good_password_passes() -> None:
    assert password_problem("correct horse battery staple", "ann@example.org", "Ann") is None
    assert password_problem("长城长江黄河泰山华山", "ann@example.org") is None  # 10 characters of any script


def test_passwords_are_argon2id_and_rehashed_when_the_parameters_change() -> None:
    passwords = Passwords(CHEAP)
    stored = passwords.hash("correct horse battery staple")

    assert stored.startswith("$argon2id$")
    assert passwords.matches(stored, "correct horse battery staple")
    assert not passwords.matches(stored, "correct horse battery stapler")
    assert not passwords.matches(None, "anything at all")  # no hash: checked against a decoy, refused
    assert not passwords.matches("not a hash", "anything at all")
    assert not passwords.outdated(stored)
    assert Passwords(HashingParameters(time_cost=2, memory_kib=8, parallelism=1)).outdated(stored)


def test_secrets_are_random_and_stored_as_their_hash() -> None:
    first, second = new_secret("wl_"), new_secret("wl_")

    assert first != second and first.startswith("wl_") and len(first) > 40
    assert secret_hash(first) == secret_hash(first) != secret_hash(second)
    assert len(secret_hash(first)) == 32
    assert key_prefix("wict_abcdefghijk") == "wict_abcdefg"


def test_a_link_is_usable_once_and_until_it_expires() -> None:
    later = NOW + timedelta(hours=1)

    assert link_state(None, None, later, NOW) is LinkState.USABLE
    assert link_state(None, None, NOW, NOW) is LinkState.EXPIRED
    assert link_state(NOW, None, later, NOW) is LinkState.USED
    assert (
        link_state(NOW, None, NOW - timedelta(days=1), NOW) is LinkState.USED
    )  # used says so even once expired
    assert link_state(None, NOW, later, NOW) is LinkState.SUPERSEDED
    assert "already used" in LINK_REFUSALS[Purpose.VERIFY][LinkState.USED]
    assert LINK_REFUSALS[Purpose.VERIFY][LinkState.EXPIRED] == "this link has expired, sign up again"


def test_a_refresh_token_works_once_and_a_second_use_ends_its_session() -> None:
    later = NOW + timedelta(days=30)

    assert refresh_state(None, later, None, NOW) is RefreshState.USABLE
    assert refresh_state(NOW, later, None, NOW) is RefreshState.REUSED
    assert refresh_state(None, NOW, None, NOW) is RefreshState.EXPIRED
    assert refresh_state(None, later, NOW, NOW) is RefreshState.SESSION_ENDED


def test_failed_sign_ins_lock_with_doubling_waits_up_to_a_cap_and_are_forgotten() -> None:
    failures, last, locks = 0, None, []
    for minute in range(12):
        now = NOW + timedelta(minutes=minute)
        failures, locked_until = PER_EMAIL.after_failure(failures, last, now)
        last = now
        locks.append(retry_after_seconds(locked_until, now))

    assert locks[:4] == [0, 0, 0, 0]  # four free failures
    assert locks[4:9] == [30, 60, 120, 240, 480]
    assert locks[9:] == [900, 900, 900]  # capped at 15 minutes
    assert PER_EMAIL.after_failure(11, last, last + timedelta(hours=1)) == (1, None)
    assert PER_CLIENT.free_failures > PER_EMAIL.free_failures  # an office behind one address
    assert retry_after_seconds(NOW + timedelta(milliseconds=10), NOW) == 1


def test_the_mail_budget_allows_a_few_mails_an_hour() -> None:
    budget = MailBudget(per_window=5, window=timedelta(hours=1))

    assert budget.allows(0, None, NOW)
    assert budget.allows(4, NOW, NOW)
    assert not budget.allows(5, NOW, NOW + timedelta(minutes=59))
    assert budget.allows(5, NOW, NOW + timedelta(hours=1))


@pytest.mark.parametrize(
    ("phone", "fine"),
    [
        ("+8613812345678", True),  # China mobile
        ("+4915112345678", True),  # Germany mobile
        ("+12025550123", True),  # US: fixed line or mobile
        ("+862363001234", False),  # a Chongqing fixed line: no SMS
        ("13812345678", False),  # no country code
        ("+86 138 1234 5678", False),  # not E.164 (spaces)
        ("+8613800000", False),  # too short for its plan
    ],
)
def test_a_phone_must_be_e164_and_reach_sms(phone: str, fine: bool) -> None:
    assert (phone_problem(phone) is None) is fine


def test_time_zones_are_iana_names_and_locales_the_platforms() -> None:
    assert time_zone_problem("Asia/Shanghai") is None
    assert time_zone_problem("Europe/Berlin") is None
    assert time_zone_problem("Mars/Olympus") is not None
    assert time_zone_problem("../../etc/passwd") is not None
    assert time_zone_problem("") is not None
    assert locale_problem("zh-CN") is None and locale_problem("en") is None
    assert locale_problem("de") == "must be one of zh-CN, en"
    assert profile_problems(
        {"phone": "+8613812345678", "time_zone": "Nowhere/City", "locale": "fr", "name": " "}
    ) == [
        ("time_zone", "must be an IANA time zone name, e.g. Asia/Shanghai or Europe/Berlin"),
        ("locale", "must be one of zh-CN, en"),
        ("name", "must not be blank"),
    ]


def test_an_account_is_pending_until_verified_and_disabled_over_all() -> None:
    assert account_status(None, None) is AccountStatus.PENDING
    assert account_status(NOW, None) is AccountStatus.ACTIVE
    assert account_status(NOW, NOW) is AccountStatus.DISABLED
    assert account_status(None, NOW) is AccountStatus.DISABLED


@pytest.mark.parametrize(
    ("typed", "needle"),
    [
        ("张伟", "张伟"),
        ("  Ann   EXAMPLE ", "ann example"),
        ("+86 138-1234-5678", "8613812345678"),
        ("138 1234", "1381234"),
        ("ANN@Example.org", "ann@example.org"),
        ("a", None),
        ("  ", None),
    ],
)
def test_what_staff_type_is_searched_for_as_it_is_stored(typed: str, needle: str | None) -> None:
    assert search_needle(typed) == needle


def test_links_point_at_the_web_applications_pages() -> None:
    settings = AccountSettings(web_url="https://book.wict.example/")

    assert settings.link(Purpose.VERIFY, "wl_a b") == "https://book.wict.example/sign-up/verify?token=wl_a+b"
    assert settings.link(Purpose.SIGN_IN, "wl_x").startswith("https://book.wict.example/sign-in/link/verify?")
    assert settings.link(Purpose.RESET, "wl_x").startswith(
        "https://book.wict.example/password-reset/confirm?"
    )
    assert settings.lifetime(Purpose.VERIFY) == timedelta(hours=24)
    assert settings.lifetime(Purpose.SIGN_IN) == timedelta(minutes=15)
