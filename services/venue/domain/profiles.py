"""A person's account: its status, and the rules its profile fields follow. Pure.

Phones are E.164 and must be numbers SMS can reach (mobile, or fixed-line-or-mobile where a numbering
plan does not tell them apart); time zones are IANA names; the language is one the platform speaks.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cache
from zoneinfo import available_timezones

import phonenumbers

LOCALES = ("zh-CN", "en")  # the platform's languages: every e-mail and page exists in each
SMS_REACHABLE = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)
_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
_PHONE_LIKE = re.compile(r"^\+?[0-9][0-9 ()./-]*$")
MIN_SEARCH_LENGTH = 2


class AccountStatus(StrEnum):
    ACTIVE = "active"
    PENDING = "pending"  # signed up, the e-mail not verified yet
    DISABLED = "disabled"


def account_status(activated_at: datetime | None, disabled_at: datetime | None) -> AccountStatus:
    if disabled_at is not None:
        return AccountStatus.DISABLED
    return AccountStatus.ACTIVE if activated_at is not None else AccountStatus.PENDING


@dataclass(frozen=True)
class Profile:
    """What an account says about its person (the ``Account`` of the API)."""

    account_id: uuid.UUID
    role: str
    name: str
    organization: str | None
    email: str
    phone: str | None
    locale: str
    time_zone: str
    elder_mode: bool
    status: AccountStatus
    created_at: datetime


def phone_problem(phone: str) -> str | None:
    """Why ``phone`` cannot take SMS, or None."""
    if not _E164.match(phone):
        return "must be in E.164 form: + country code and number, digits only, e.g. +8613812345678"
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return "is not a phone number"
    if not phonenumbers.is_valid_number(number):
        return "is not a valid number in its country's numbering plan"
    if phonenumbers.number_type(number) not in SMS_REACHABLE:
        return "must be a mobile number: text messages cannot reach a fixed line"
    return None


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def time_zone_problem(time_zone: str) -> str | None:
    """None for a zone name of the tz database's list (not any file that happens to lie under it)."""
    if time_zone not in _time_zones():
        return "must be an IANA time zone name, e.g. Asia/Shanghai or Europe/Berlin"
    return None


def locale_problem(locale: str) -> str | None:
    return None if locale in LOCALES else f"must be one of {', '.join(LOCALES)}"


def profile_problems(fields: dict[str, object]) -> list[tuple[str, str]]:
    """(field, reason) for each profile field given that breaks its rule."""
    checks = {"phone": phone_problem, "time_zone": time_zone_problem, "locale": locale_problem}
    problems = []
    for field, check in checks.items():
        value = fields.get(field)
        if isinstance(value, str):
            reason = check(value)
            if reason:
                problems.append((field, reason))
    name = fields.get("name")
    if isinstance(name, str) and not name.strip():
        problems.append(("name", "must not be blank"))
    return problems


def search_needle(query: str) -> str | None:
    """What staff typed, as it occurs in the search text: lower case; a phone number as its digits only.
    None if it is too short to search for."""
    needle = " ".join(query.split()).lower()
    if _PHONE_LIKE.match(needle) and sum(c.isdigit() for c in needle) >= MIN_SEARCH_LENGTH:
        needle = "".join(c for c in needle if c.isdigit())
    return needle if len(needle) >= MIN_SEARCH_LENGTH else None


def normalized_email(email: str) -> str:
    return email.strip().lower()
