"""The exit statuses of every CLI of the platform (``wict-vendor``, ``wict-ops``): one table, documented in
README.md ("Exit status of the command-line tools"; a test keeps the two equal).

A usage error (2) is only a mistyped command line or a missing setting: argparse exits 2 as well.
Everything the platform answered, or could not, has a status of its own, so a script can tell them apart.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0  # done (also: nothing to send, the task was already there)
    UNEXPECTED = 1  # an answer that could not be read, or a failure nobody foresaw
    USAGE = 2  # a missing or wrong option or setting (kind, vendor id, password file, API key, time zone)
    NOT_AUTHORIZED = 3  # the login or credential was refused, or the action is outside its permissions
    UNAVAILABLE = 4  # NATS or the API cannot be reached, or no service answers
    NOT_FOUND = 5  # no such task, booking or dead letter (or a short id matches several)
    REFUSED = 6  # the platform refused the request: its state, or the input
    PENDING = 7  # stored by the platform but not applied within --wait seconds
    PROBLEM_FOUND = (
        8  # the answer shows a problem (health degraded, stuck sagas, overdue tasks, failed notices)
    )
    INTERRUPTED = 130  # Ctrl-C (during another command than wict-vendor watch)
