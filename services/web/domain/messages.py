"""Messages chosen in Python and shown on a page: marked here for extraction, translated when rendered.

``N_`` marks a message id without translating it (the page's language is known only when rendering);
templates translate it with ``_(message)``. Babel extracts ``N_`` calls (services/web/babel.toml).
"""

from __future__ import annotations


def N_(message: str) -> str:
    return message


# Notices after a redirect (kept in a short-lived cookie as their key, never as free text)
NOTICES = {
    "signed_out": N_("You are signed out."),
    "session_extended": N_("You stay signed in."),
    "language_changed": N_("The language is changed."),
    "elder_on": N_("Larger text and simpler steps are on."),
    "elder_off": N_("Standard view is on."),
    "cancelled": N_("The booking is cancelled."),
    "made_public": N_("The event is shown in What's on once it is confirmed: its title, space and times."),
    "made_private": N_("The event is no longer shown in What's on."),
    "change_sent": N_("Your change is sent. The venue is checking it with every service."),
    "guests_saved": N_("The guest list is saved. Passport numbers are hidden from now on."),
    "approved": N_("The booking is approved."),
    "rejected": N_("The booking is rejected; the organizer is told why."),
    "closure_created": N_("The closure is saved."),
    "closure_removed": N_("The closure is removed."),
    "task_updated": N_("The planning task is updated."),
    "letter_replayed": N_("The dead letter is sent again."),
    "letter_discarded": N_("The dead letter is discarded."),
    "organizer_created": N_("The account is open."),
    "organizer_disabled": N_("The account is switched off: it cannot sign in or book."),
    "organizer_enabled": N_("The account is switched on again."),
    "series_booked": N_("The series is sent. The venue arranges each time on its own."),
    "series_changed": N_("The change is sent for each time. The venue checks each with every service."),
    "profile_saved": N_("Your profile is saved."),
    "key_revoked": N_("The API key is revoked."),
    "webhook_removed": N_("The webhook is removed."),
    "preferences_saved": N_("Your choices are saved."),
    "draft_cleared": N_("The booking form is cleared."),
    "verification_sent": N_("If the address can be used, we have sent it a link. Open it to finish."),
    "reset_sent": N_("If an account uses this address, we have sent it a link to set a new password."),
    "password_changed": N_("Your password is changed. Sign in with the new one."),
    "planning_sent": N_("Your planning request is sent to the venue team."),
}

STATUS = {
    "pending": N_("Being arranged"),
    "confirmed": N_("Confirmed"),
    "rejected": N_("Not possible"),
    "cancelled": N_("Cancelled"),
    "option": N_("Option (held)"),
    "expired": N_("Option lapsed"),
}

STEP_STATE = {
    "pending": N_("waiting"),
    "reserved": N_("reserved"),
    "held": N_("held"),
    "confirmed": N_("confirmed"),
    "done": N_("done"),
    "rejected": N_("refused"),
    "released": N_("released"),
    "releasing": N_("being released"),
    "release_queued": N_("release queued"),
    "failed": N_("failed"),
    "compensated": N_("undone"),
    "skipped": N_("not needed"),
}

STEP_NAME = {
    "hold": N_("Room held"),
    "space": N_("Room held"),
    "interpreting": N_("Interpretation"),
    "catering": N_("Catering"),
    "approval": N_("Staff approval"),
    "network": N_("Network line"),
}

LAYOUT = {
    "theater": N_("Theatre rows"),
    "classroom": N_("Classroom (tables)"),
    "banquet": N_("Banquet (round tables)"),
    "reception": N_("Standing reception"),
    "boardroom": N_("Boardroom (one table)"),
    "exhibition": N_("Exhibition stands"),
}

DIETARY = {
    "vegetarian": N_("Vegetarian"),
    "vegan": N_("Vegan"),
    "halal": N_("Halal"),
    "gluten_free": N_("Gluten-free"),
}

# The 14 allergens EU Regulation 1169/2011 names (catering's GET /menus gives them in English)
ALLERGEN = {
    "celery": N_("celery"),
    "cereals containing gluten": N_("cereals containing gluten"),
    "crustaceans": N_("crustaceans"),
    "eggs": N_("eggs"),
    "fish": N_("fish"),
    "lupin": N_("lupin"),
    "milk": N_("milk"),
    "molluscs": N_("molluscs"),
    "mustard": N_("mustard"),
    "tree nuts": N_("tree nuts"),
    "peanuts": N_("peanuts"),
    "sesame": N_("sesame"),
    "soybeans": N_("soybeans"),
    "sulphites": N_("sulphites"),
}

PURPOSE = {
    "access_control": N_("Access control at the gate"),
    "security_registration": N_("Security registration with the authorities"),
    "incident_response": N_("An incident on site"),
    "data_subject_request": N_("The guest asked for their data"),
    "legal_obligation": N_("A legal obligation"),
}

# An activity-planning request's state (GET /bookings/{id}/planning-requests)
PLANNING_STATUS = {
    "open": N_("Open"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
}

ACCOUNT_STATUS = {
    "active": N_("Active"),
    "pending": N_("Not confirmed yet"),
    "disabled": N_("Switched off"),
}

WEBHOOK_STATE = {
    "active": N_("Active"),
    "disabled": N_("Stopped after failures"),
}

# The add-ons report's kinds and units (GET /reports/addons)
ADDON = {
    "interpreting": N_("Interpretation"),
    "catering": N_("Catering"),
    "network_lines": N_("Dedicated network lines"),
}
UNIT = {
    "hours": N_("hours"),
    "covers": N_("covers"),
    "lines": N_("lines"),
}
