"""Urgent broadcasts: the notice in the reader's language, and the delivery report per recipient."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import msgspec

from services.notify.domain.locales import DEFAULT_LOCALE, resolve_locale

REPORT_STATES = ("delivered", "failed", "pending")


class Notice(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    headline: str
    message: str


def notice_for(notices: Mapping[str, Notice], tag: str) -> tuple[str, Notice]:
    """The staff's wording closest to the reader's language (English, else any, when none is close)."""
    available = sorted(notices)
    chosen = resolve_locale(tag, available, DEFAULT_LOCALE if DEFAULT_LOCALE in notices else available[0])
    return chosen, notices[chosen]


def recipient_state(channel_states: Iterable[tuple[str, str]]) -> str:
    """``delivered`` once any outside channel delivered (or the feed is all they have), ``pending`` while
    one is still trying, ``failed`` when every outside channel gave up."""
    outside = [state for channel, state in channel_states if channel != "in_app" and state != "skipped"]
    if not outside or "sent" in outside:
        return "delivered"
    return "pending" if "pending" in outside else "failed"


def totals(states: Iterable[str]) -> dict[str, int]:
    counted = dict.fromkeys(REPORT_STATES, 0)
    for state in states:
        counted[state] += 1
    return counted
