"""What can go wrong, each with its own exit status (documented in docs/vendors.md)."""

from __future__ import annotations


class ClientError(Exception):
    """Something the vendor should read; ``code`` names it in --json output, ``exit_status`` for scripts."""

    code = "error"
    exit_status = 1


class UsageError(ClientError):
    """Missing or wrong settings (kind, vendor, password file)."""

    code = "usage"
    exit_status = 2


class NotAuthorized(ClientError):
    """NATS refused the login, or an action outside the vendor's permissions."""

    code = "not_authorized"
    exit_status = 3


class PlatformUnavailable(ClientError):
    """NATS cannot be reached, or no service answered (no responder, no stream, no task feed)."""

    code = "no_responder"
    exit_status = 4


class UnknownTask(ClientError):
    """No task of this vendor matches the reference (or several do)."""

    code = "unknown_task"
    exit_status = 5


class AnswerRefused(ClientError):
    """The task cannot take this answer (its state, or it changed since it was read)."""

    code = "answer_refused"
    exit_status = 6


class AnswerPending(ClientError):
    """The answer is stored by the platform but was not applied within --wait seconds."""

    code = "answer_pending"
    exit_status = 7
