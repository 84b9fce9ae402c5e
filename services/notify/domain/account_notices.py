"""What an account event tells its person: the notice and its template variables. Pure."""

from __future__ import annotations

from services.notify.domain.wording import Reader
from shared.contracts import (
    AccountDisabled,
    AccountEvent,
    PasswordChanged,
    PasswordResetRequested,
    SignInLinkRequested,
    SignupAttempted,
    SignupVerificationRequested,
)

NOTICES: dict[type[AccountEvent], str] = {
    SignupVerificationRequested: "signup_verification",
    SignupAttempted: "signup_attempted",
    SignInLinkRequested: "sign_in_link",
    PasswordResetRequested: "password_reset",
    PasswordChanged: "password_changed",
    AccountDisabled: "account_disabled",
}


def account_notice(event: AccountEvent) -> str | None:
    """The notice the event gives its person (None: it tells nobody, e.g. a changed profile)."""
    return NOTICES.get(type(event))


def account_variables(event: AccountEvent, reader: Reader) -> dict[str, str]:
    variables = {
        "recipient_name": event.person.name or event.person.email,
        "email": event.person.email,
        "venue_name": reader.style.venue_name,
    }
    if isinstance(event, SignupVerificationRequested | SignInLinkRequested | PasswordResetRequested):
        variables |= {"link": event.link, "expires": reader.moment(event.expires_at)}
    if isinstance(event, SignupAttempted):
        variables |= {"sign_in_url": event.sign_in_url, "password_reset_url": event.password_reset_url}
    return variables
