"""Checking what the HTTP API is given; every refusal names the field (problem+json via ApiError)."""

from __future__ import annotations

import re
import uuid
from urllib.parse import urlsplit

from services.notify.domain.channels import CHANNELS, OPTIONAL_CHANNELS, organizer_key
from shared.http.problems import ApiError, FieldError

_EMAIL = re.compile(r"^[^@\s:]+@[^@\s]+\.[^@\s]+$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")
DELIVERY_STATES = ("pending", "sent", "failed", "skipped", "not_reachable")


def invalid(field: str, reason: str, status: int = 400, title: str = "Invalid request") -> ApiError:
    return ApiError(status, title, f"{field}: {reason}", [FieldError(field, reason)])


def uuid_or_none(field: str, value: str | None) -> uuid.UUID | None:
    if value is None:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise invalid(field, "must be a UUID, e.g. 0b7e3a4c-5a4e-4f8e-9a43-3f1a2b6c7d8e") from None


def email_or_none(field: str, value: str | None) -> str | None:
    if value is None:
        return None
    if len(value) > 254 or not _EMAIL.match(value):
        raise invalid(field, "must be an e-mail address")
    return value


def recipient_key(value: str, field: str = "recipient_key", guests: bool = False) -> str:
    """``organizer:<e-mail>`` (case-insensitive), ``vendor:<id>`` or ``staff:<id>``, normalised; with
    ``guests`` (reading what was sent) also ``guest:<registration id>``."""
    kind, _, rest = value.strip().partition(":")
    if kind == "organizer" and _EMAIL.match(rest) and len(rest) <= 254:
        return organizer_key(rest)
    if kind in ("vendor", "staff") and _ID.match(rest):
        return f"{kind}:{rest}"
    if guests and kind == "guest":
        try:
            return f"guest:{uuid.UUID(rest)}"
        except ValueError:
            pass
    also = ", guest:<registration id>" if guests else ""
    raise invalid(field, f"must be organizer:<e-mail>, vendor:<vendor id>, staff:<staff id>{also}")


def choice(field: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    if value is not None and value not in allowed:
        raise invalid(field, f"must be one of {', '.join(allowed)}")
    return value


def channel(value: str | None) -> str | None:
    return choice("channel", value, CHANNELS)


def optional_channel(value: str) -> str:
    if value not in OPTIONAL_CHANNELS:
        reason = f"must be one of {', '.join(OPTIONAL_CHANNELS)} (the in-app feed cannot be turned off)"
        raise invalid("channel", reason, 404 if value not in CHANNELS else 422, "Unknown or fixed channel")
    return value


def webhook_url(value: str, require_https: bool) -> str:
    parts = urlsplit(value.strip())
    schemes = ("https",) if require_https else ("http", "https")
    if (
        len(value) > 2000
        or parts.scheme not in schemes
        or not parts.hostname
        or parts.username
        or parts.password
    ):
        raise invalid("url", f"must be an absolute {' or '.join(schemes)} URL without credentials", 422)
    return value.strip()
