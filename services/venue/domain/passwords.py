"""Passwords: the rule a new one must meet, and hashing with argon2id (argon2-cffi). Pure: CPU only.

A hash is a PHC string carrying its own parameters, so raising them (``WICT_PASSWORD_*``) needs no
migration: a sign-in with a password hashed under older parameters stores a fresh hash. Hashing takes
tens of milliseconds and tens of MiB on purpose; callers run it off the event loop.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 10
MAX_LENGTH = 256
COMMON_PASSWORDS_PATH = Path(__file__).resolve().parent.parent / "common_passwords.json"


@dataclass(frozen=True)
class HashingParameters:
    """argon2id cost: RFC 9106's second recommended option is t=3, m=64 MiB, p=4."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4


class Passwords:
    """Hash and check passwords with one set of parameters."""

    def __init__(self, parameters: HashingParameters) -> None:
        self._hasher = PasswordHasher(
            time_cost=parameters.time_cost,
            memory_cost=parameters.memory_kib,
            parallelism=parameters.parallelism,
            type=Type.ID,
        )
        # checked against when there is no account, so an unknown address costs as much as a known one
        self._decoy = self._hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def matches(self, stored: str | None, password: str) -> bool:
        """Whether ``password`` is the one ``stored`` was made from; always as slow, even without a hash."""
        try:
            return self._hasher.verify(stored or self._decoy, password) and stored is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def outdated(self, stored: str) -> bool:
        """The hash was made with other parameters than ours: store a new one."""
        try:
            return self._hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True


@cache
def common_passwords(path: Path = COMMON_PASSWORDS_PATH) -> frozenset[str]:
    """Passwords that guessing tools try first (lower case)."""
    return frozenset(word.lower() for word in json.loads(path.read_text()))


def password_problem(password: str, email: str = "", name: str = "") -> str | None:
    """Why ``password`` may not be used, or None: 10 to 256 characters, not a common one, not the address."""
    if len(password) < MIN_LENGTH:
        return f"must be at least {MIN_LENGTH} characters long"
    if len(password) > MAX_LENGTH:
        return f"must be at most {MAX_LENGTH} characters long"
    lowered = password.lower()
    if lowered in common_passwords() or len(set(lowered)) < 3:
        return "is too easy to guess (a common password); choose another"
    if email and lowered in (email.lower(), email.lower().partition("@")[0]):
        return "must not be your e-mail address"
    if name and lowered.replace(" ", "") == name.lower().replace(" ", ""):
        return "must not be your name"
    return None
