"""What can go wrong, each with its own exit status (``clients/exit_status.py``, documented in README.md)."""

from __future__ import annotations

from clients.exit_status import ExitStatus


class ClientError(Exception):
    """Something the vendor should read; ``code`` names it in --json output, ``exit_status`` for scripts."""

    code = "error"
    exit_status: int = ExitStatus.UNEXPECTED


class UsageError(ClientError):
    """Missing or wrong settings (kind, vendor, password file)."""

    code = "usage"
    exit_status: int = ExitStatus.USAGE


class NotAuthorized(ClientError):
    """NATS refused the login, or an action outside the vendor's permissions."""

    code = "not_authorized"
    exit_status: int = ExitStatus.NOT_AUTHORIZED


class PlatformUnavailable(ClientError):
    """NATS cannot be reached, or no service answered (no responder, no stream, no task feed)."""

    code = "no_responder"
    exit_status: int = ExitStatus.UNAVAILABLE


class UnknownTask(ClientError):
    """No task of this vendor matches the reference (or several do)."""

    code = "unknown_task"
    exit_status: int = ExitStatus.NOT_FOUND


class AnswerRefused(ClientError):
    """The task cannot take this answer (its state, or it changed since it was read)."""

    code = "answer_refused"
    exit_status: int = ExitStatus.REFUSED


class AnswerPending(ClientError):
    """The answer is stored by the platform but was not applied within --wait seconds."""

    code = "answer_pending"
    exit_status: int = ExitStatus.PENDING
