"""Webhook signatures: ``X-WICT-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, f"{t}.{body}")>``.

The receiver recomputes the HMAC over the timestamp, a dot and the raw body, compares in constant
time, and refuses old timestamps (replays).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

HEADER = "X-WICT-Signature"
SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_hex(32)


def _mac(secret: str, timestamp: int, body: bytes) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The header value for ``body`` sent at ``timestamp``."""
    return f"t={timestamp},v1={_mac(secret, timestamp, body)}"


def verify(secret: str, header: str, body: bytes, now: int, tolerance_seconds: int = 300) -> bool:
    """Whether ``header`` signs ``body`` with ``secret`` and is recent enough."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance_seconds or "v1" not in fields:
        return False
    return hmac.compare_digest(fields["v1"], _mac(secret, timestamp, body))
