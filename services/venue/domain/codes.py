"""Codes people read, type and scan: Crockford base32 with a Luhn mod 32 check character. Pure.

Crockford's alphabet leaves out I, L, O and U, and reading forgives them (I and L read as 1, O as 0), so a
code copied from paper by a consular officer or typed at the door survives the usual slips; the check
character catches every single wrong character and every swap of two neighbours, so a mistyped code is
told apart from an unknown one without asking the database.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
_FORGIVEN = str.maketrans({"I": "1", "L": "1", "O": "0", "-": None, " ": None})


def check_symbol(body: str) -> str:
    """The Luhn mod N check character of ``body`` (N = 32)."""
    factor, total = 2, 0
    for symbol in reversed(body):
        addend = factor * _VALUE[symbol]
        total += addend // 32 + addend % 32
        factor = 1 if factor == 2 else 2
    return ALPHABET[-total % 32]


def new_code(random_symbols: int) -> str:
    """``random_symbols`` random characters (5 bits each) and the check character."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(random_symbols))
    return body + check_symbol(body)


def read_code(typed: str, length: int) -> str | None:
    """The code as stored (upper case, no hyphens or spaces, forgiving I, L and O), or None when it cannot
    be one: the wrong length, a character outside the alphabet, or a check character that does not match."""
    code = typed.strip().upper().translate(_FORGIVEN)
    if len(code) != length or any(symbol not in _VALUE for symbol in code):
        return None
    return code if check_symbol(code[:-1]) == code[-1] else None


def grouped(code: str, size: int) -> str:
    """``ABCDE-FGHJK``: groups of ``size`` for reading aloud and printing."""
    return "-".join(code[start : start + size] for start in range(0, len(code), size))
