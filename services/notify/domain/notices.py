"""What the service can tell people: one template per notice, the variables it gets, whether it is essential.

Essential notices (a rejection, a cancellation, a service of the booking no vendor could take, an urgent
broadcast, a disabled webhook, whatever concerns a person's account) go on every channel they use whatever
the recipient's preferences; the others respect a per-channel opt-out. Account notices go by e-mail only.
"""

from __future__ import annotations

ORGANIZER = frozenset({"organizer_name", "title", "space_name", "when", "booking_id", "venue_name"})
STAFF_BOOKING = frozenset(
    {
        "recipient_name",
        "title",
        "space_name",
        "when",
        "booking_id",
        "venue_name",
        "organizer_name",
        "organizer_email",
    }
)
TASK = frozenset({"recipient_name", "service", "task_id", "booking_id", "venue_name"})
ACCOUNT = frozenset({"recipient_name", "email", "venue_name"})
TASK_WORK = TASK | {"space_name", "when", "load_in", "summary"}
TASK_FOR_STAFF = TASK | {"vendor_name", "title", "when", "reason"}

NOTICE_VARIABLES: dict[str, frozenset[str]] = {
    # to the organizer, about their booking
    "booking_received": ORGANIZER | {"services"},
    "booking_confirmed": ORGANIZER | {"services"},
    "booking_rejected": ORGANIZER | {"reason"},
    "booking_changed": ORGANIZER | {"changes", "previous_when"},
    "booking_cancelled": ORGANIZER | {"reason", "fee"},
    "hold_expiring": ORGANIZER | {"expires"},
    "hold_expired": ORGANIZER,
    "waitlist_promoted": ORGANIZER | {"deadline_note"},
    "reminder": ORGANIZER | {"lead"},
    "service_escalated": ORGANIZER | {"service"},
    # to staff
    "approval_needed": STAFF_BOOKING | {"decide_by"},
    "vendor_task_declined": TASK_FOR_STAFF,
    "vendor_task_escalated": TASK_FOR_STAFF,
    # to a vendor, about its task
    "vendor_task_assigned": TASK_WORK,
    "vendor_task_changed": TASK_WORK | {"changes"},
    "vendor_task_cancelled": TASK | {"when", "reason"},
    "vendor_reminder": TASK_WORK | {"lead"},
    # to anyone
    "urgent_broadcast": frozenset(
        {"recipient_name", "headline", "message", "affected", "window", "venue_name"}
    ),
    "webhook_disabled": frozenset(
        {"recipient_name", "endpoint_id", "endpoint_url", "failures", "venue_name"}
    ),
    # to a person, about their own account (issue 12): e-mail only, never in the feed
    "signup_verification": ACCOUNT | {"link", "expires"},
    "signup_attempted": ACCOUNT | {"sign_in_url", "password_reset_url"},
    "sign_in_link": ACCOUNT | {"link", "expires"},
    "password_reset": ACCOUNT | {"link", "expires"},
    "password_changed": ACCOUNT,
    "account_disabled": ACCOUNT,
}

ESSENTIAL = frozenset(
    {
        "booking_rejected",
        "booking_cancelled",
        "service_escalated",
        "vendor_task_cancelled",
        "urgent_broadcast",
        "urgent_notice_guest",
        "webhook_disabled",
        "signup_verification",
        "signup_attempted",
        "sign_in_link",
        "password_reset",
        "password_changed",
        "account_disabled",
    }
)
# notices that go by e-mail and nowhere else: their links sign in or set a password, so they must not
# show in a feed staff can read, nor reach an SMS gateway or a webhook
EMAIL_ONLY = frozenset(
    {
        "signup_verification",
        "signup_attempted",
        "sign_in_link",
        "password_reset",
        "password_changed",
        "account_disabled",
    }
)

# the notices whose e-mail carries the booking as an iCalendar attachment
WITH_CALENDAR = frozenset({"booking_confirmed"})


def is_essential(notice: str) -> bool:
    return notice in ESSENTIAL


def is_email_only(notice: str) -> bool:
    return notice in EMAIL_ONLY
