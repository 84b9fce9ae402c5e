"""What the account use cases refuse, and why: each becomes a problem answer at the API's edge."""

from __future__ import annotations


class AccountInvalid(Exception):
    """Fields break the rules; ``problems`` are (field, reason) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in problems))
        self.problems = problems


class LinkUnknown(Exception):
    """No such link (mistyped, or deleted long after it expired)."""


class LinkRefused(Exception):
    """The link was used, superseded or has expired; the message says which, for the person."""


class WrongCredentials(Exception):
    """The e-mail or the password is wrong (one answer for both)."""


class TooManyAttempts(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed sign-ins: try again in {retry_after} s")
        self.retry_after = retry_after


class AccountNotUsable(Exception):
    """The account is disabled, or its e-mail not verified yet; the message says which."""


class SessionRefused(Exception):
    """The refresh token is unknown, expired, reused or its session ended; the message says which."""


class NotFound(Exception):
    pass
