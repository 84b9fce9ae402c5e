"""The API's refusals in the person's language. The venue words its reasons in English only; the web
words each refusal itself, from what is stable in the answer: its status, the fields at fault, the
conflict codes, and for one-time links and sign-in a reason's key words (never the whole sentence).
The API's English reason is never shown to a person. Pure."""

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


# Any other refusal of the APIs, worded by the field at fault (its full path, then its last part, then
# its first: "guests.0.passport_number" -> "passport_number") and by the answer's status: never the
# API's English reason.
FIELD = {
    "starts_at": N_(
        "The time does not work: the room is taken then, or it breaks the venue's rules (opening hours, notice, length)."
    ),
    "ends_at": N_(
        "The end does not work: it must come after the start, within opening hours, and not too long."
    ),
    "attendees": N_("This number of people does not fit the room and its layout."),
    "layout": N_("This room cannot be set out that way."),
    "space_id": N_("This room cannot be booked for this."),
    "title": N_("Give the event a name (up to 200 characters)."),
    "interpreting": N_(
        "Interpretation cannot be arranged as asked (its languages, or more than 8 hours a day)."
    ),
    "target_languages": N_(
        "Interpretation cannot be arranged as asked (its languages, or more than 8 hours a day)."
    ),
    "catering": N_("The catering cannot be arranged as asked (the menu's notice or its number of guests)."),
    "menu": N_("This menu cannot be served then (its notice, or the number of guests)."),
    "headcount": N_("The number of guests does not suit this menu."),
    "network_lines": N_("Not enough dedicated network lines are free then."),
    "quote_id": N_("The price can no longer be held: check the booking again."),
    "booking_id": N_("Choose one of the series' times."),
    "rrule": N_("The times cannot repeat this way."),
    "on_behalf_of": N_("Choose the organizer the booking is for."),
    "email": N_("Enter an e-mail address that can be used."),
    "phone": N_("Enter a phone number with its country code, like +86 23 6000 0000."),
    "name": N_("Enter a name."),
    "organization": N_("Enter the organization's name."),
    "locale": N_("Choose a language."),
    "time_zone": N_("Choose a time zone."),
    "full_name": N_("Enter the guest's full name as in the passport."),
    "nationality": N_("Enter the nationality as a two-letter country code, like AU."),
    "passport_number": N_("Enter the passport number as printed."),
    "passport_expires": N_("Enter when the passport expires: after the event."),
    "date_of_birth": N_("Enter the date of birth, in the past."),
    "guests": N_("Check the guest list."),
    "reason": N_("Give a reason."),
    "public": N_("Choose whether What's on shows the event."),
    "from": N_("Enter a day like 2027-03-02."),
    "to": N_("Enter a day like 2027-03-02."),
    "Idempotency-Key": N_("This form was sent before with other answers: please start again."),
}
FIELD_OTHER = N_("The venue cannot accept this value.")

STATUS = {
    400: N_("The venue could not read this request."),
    403: N_("Your account may not do this."),
    404: N_("Nothing here, or it belongs to another account."),
    409: N_("This clashes with another booking, or it changed meanwhile. Please look again."),
    410: N_("This is no longer available."),
    422: N_("The venue cannot accept this as it is."),
    429: TOO_MANY,
}
STATUS_OTHER = N_("The venue could not do this. Please try again, or call the service desk.")


def field_message(field: str) -> str:
    """The message id for a refusal of ``field`` (the API's reason is English: it is not shown)."""
    parts = [part for part in field.split(".") if not part.isdigit()]
    for candidate in (field, parts[-1] if parts else "", parts[0] if parts else ""):
        if candidate in FIELD:
            return FIELD[candidate]
    return FIELD_OTHER


def problem_message(status: int) -> str:
    return STATUS.get(status, STATUS_OTHER)


def field_messages(errors: list[dict[str, object]]) -> dict[str, str]:
    """field -> message id for the ``errors`` of an API problem."""
    return {str(error.get("field")): field_message(str(error.get("field"))) for error in errors}


# Why a booking ended, worded from its status and saga steps. The words that come with it are a
# person's or a service's own (the organizer's when cancelling, a vendor's when refusing, in English
# from the services): shown apart, marked with their language, never as the page's own sentence.
STEP_REFUSED = N_("%(step)s could not be arranged, so nothing was booked.")
NO_ANSWER = N_("A service did not answer in time, so nothing was booked.")
NOT_BOOKED = N_("The venue could not book it.")
CANCELLED = N_("This booking was cancelled.")


def outcome(booking: dict[str, object]) -> tuple[str, str | None] | None:
    """A rejected or cancelled booking's summary (a message, and the refusing step's name to put in
    it, if one refused); None for any other status."""
    status = booking.get("status")
    if status == "cancelled":
        return CANCELLED, None
    if status != "rejected":
        return None
    steps = booking.get("steps")
    for step in steps if isinstance(steps, list) else []:
        if isinstance(step, dict) and step.get("state") == "rejected":
            return STEP_REFUSED, str(step.get("name", ""))
    # a booking is rejected only by its saga: a step refused, or a step's deadline passed
    return (NO_ANSWER, None) if steps else (NOT_BOOKED, None)
