"""The profile form: what PATCH /me gets from it, and what to fix first. Pure."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from services.web.domain import locale
from services.web.domain.messages import N_

FIELDS = ("name", "organization", "phone", "locale", "time_zone", "elder_mode")
# Offered in the time zone field (any IANA name is taken): where the venue's guests mostly come from
ZONES = (
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Singapore",
    "Asia/Kuala_Lumpur",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Ho_Chi_Minh",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Asia/Dubai",
    "Europe/Moscow",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/London",
    "Africa/Cairo",
    "Africa/Johannesburg",
    "America/New_York",
    "America/Los_Angeles",
    "Australia/Sydney",
)


def phone_number(text: str) -> str:
    """The number as typed, without spaces, dashes or brackets (E.164 when it is one)."""
    return "".join(ch for ch in text if ch not in " -()")


def valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return bool(name)


def update(fields: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The PATCH /me body (an emptied organization or phone is removed), or the fields to fix."""
    errors: dict[str, str] = {}
    name = fields.get("name", "")
    if not 1 <= len(name) <= 200:
        errors["name"] = N_("Enter your name.")
    phone = phone_number(fields.get("phone", ""))
    if phone and not (phone.startswith("+") and phone[1:].isdigit() and 8 <= len(phone) <= 16):
        errors["phone"] = N_("Enter the phone number with its country code, like +86 23 6000 0000.")
    zone = fields.get("time_zone", "")
    if not valid_zone(zone):
        errors["time_zone"] = N_("Enter a time zone from the list, like Asia/Shanghai or Europe/Berlin.")
    language = locale.supported(fields.get("locale"))
    body: dict[str, Any] = {
        "name": name,
        "organization": fields.get("organization") or None,
        "phone": phone or None,
        "time_zone": zone,
        "elder_mode": fields.get("elder_mode") == "1",
    }
    if language:
        body["locale"] = language
    return body, errors
