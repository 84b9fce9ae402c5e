"""Lists the venue answers a page at a time: the next page's cursor from the ``Link`` header. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

_NEXT = re.compile(r'<([^>]*)>\s*;\s*rel="?next"?')


@dataclass(frozen=True)
class Listing:
    rows: list[dict[str, Any]]
    next_cursor: str | None  # None: this is the last page


def next_cursor(link: str) -> str | None:
    """The ``cursor`` of the ``rel="next"`` link (RFC 8288), or None when there is no next page."""
    match = _NEXT.search(link or "")
    if not match:
        return None
    cursors = parse_qs(urlsplit(match.group(1)).query).get("cursor")
    return cursors[0] if cursors else None
