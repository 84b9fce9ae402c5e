"""The roster's interpreters, as the ops API answers them (ids only, no personal data)."""

from __future__ import annotations

import msgspec


class Interpreter(msgspec.Struct, frozen=True, kw_only=True):
    interpreter_id: str
    vendor_id: str
    languages: list[str]
    classes: dict[str, str]  # ISO 639-1 code -> AIIC class A, B or C
    retour: list[str]
