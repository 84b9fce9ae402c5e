"""Venue staff only: the caller's bearer key must be one of ``WICT_STAFF_API_KEYS`` (compared by hash)."""

from __future__ import annotations

import hashlib
import hmac

from shared.http.problems import ApiError


def is_staff_key(token: str, configured: str) -> bool:
    digest = hashlib.sha256(token.encode()).digest()
    keys = [key.strip() for key in configured.split(",") if key.strip()]
    # every key is compared, so the time taken does not tell which one nearly matched
    matches = [hmac.compare_digest(digest, hashlib.sha256(key.encode()).digest()) for key in keys]
    return any(matches)


def require_staff(authorization: str | None, configured: str) -> None:
    """Raise 401 unless ``authorization`` is ``Bearer <a staff key>``."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or not is_staff_key(token.strip(), configured):
        error = ApiError(
            401, "Authentication required", "send a venue staff key as `Authorization: Bearer <key>`"
        )
        error.headers = {"WWW-Authenticate": 'Bearer realm="wict"'}
        raise error
