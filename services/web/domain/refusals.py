"""The API's refusals in the person's language. The venue words its reasons in English only; the web
translates those it can recognise (by status, field and the reason's key words, never by the whole
sentence) and shows the others as the venue wrote them, marked as English. Pure."""

from __future__ import annotations

from services.web.domain.messages import N_

LINK_UNKNOWN = N_("This link is not known. Please open the whole address from the e-mail.")
LINK_USED = N_("This link was used already.")
LINK_SUPERSEDED = N_("A newer link was sent since: please use the newest e-mail.")
LINK_EXPIRED = N_("This link has expired.")
LINK_OTHER = N_("This link cannot be used.")

WRONG_PASSWORD = N_("The e-mail address or the password is not right.")
TOO_MANY = N_("Too many tries. Please wait a few minutes and try again.")
DISABLED = N_("This account is switched off. Please call the service desk.")
NOT_VERIFIED = N_("This account is not open yet: open the link we e-mailed you first.")
SIGN_IN_FAILED = N_("Signing in did not work. Please try again.")

# What stands in the way of one occurrence of a series (the venue's conflict codes)
CONFLICTS = {
    "rule": N_("The venue's rules do not allow it then (opening hours, notice or length)."),
    "closed": N_("The venue or this room is closed then."),
    "taken": N_("The room is already booked then."),
    "network_lines": N_("No dedicated network line is free then."),
    "quote": N_("The price cannot be held for it."),
}
CONFLICT_OTHER = N_("The venue cannot book it then.")


def link_refusal(status: int, reason: str) -> str:
    """A one-time link (sign-up, sign-in, password reset) the venue refused: 404 unknown, 410 used,
    superseded or expired (the reason says which)."""
    if status == 404:
        return LINK_UNKNOWN
    words = reason.lower()
    if "already used" in words:
        return LINK_USED
    if "newer" in words:
        return LINK_SUPERSEDED
    if "expired" in words:
        return LINK_EXPIRED
    return LINK_OTHER


def sign_in_refusal(status: int, reason: str) -> str:
    if status == 401:
        return WRONG_PASSWORD
    if status == 429:
        return TOO_MANY
    if status == 403:
        return DISABLED if "disabled" in reason.lower() else NOT_VERIFIED
    return SIGN_IN_FAILED


def conflict(code: str | None) -> str:
    return CONFLICTS.get(code or "", CONFLICT_OTHER)
