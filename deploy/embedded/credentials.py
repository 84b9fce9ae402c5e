"""The secrets the embedded stack makes once and keeps, owner-only, in its data folder: the staff and ops
API keys, the access-token secret, the guest-data key and the web application's CSRF secret."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from services.venue.domain.access import new_api_key
from services.venue.domain.sealing import new_key_entry


def ensure_credentials(path: Path) -> dict[str, str]:
    """Read the stack's API keys, access-token secret and guest-data key, creating them on first use."""
    if path.exists():
        stored: dict[str, str] = json.loads(path.read_text())
        if {"staff", "ops", "jwt", "guest_data_key", "web_csrf"} <= stored.keys():
            return stored
    else:
        stored = {}
    fresh = {
        "staff": new_api_key(),
        "ops": new_api_key(),
        "jwt": secrets.token_urlsafe(48),
        "guest_data_key": new_key_entry("stack-1"),
        "web_csrf": secrets.token_urlsafe(48),
    }
    stored = fresh | stored  # keys already handed out stay valid
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(json.dumps(stored, indent=2))
    return stored
