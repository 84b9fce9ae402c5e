"""Who is asking notify's API: venue staff, ops, or an organizer (who reads only what they were told)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Caller:
    role: str  # organizer, staff or ops
    email: str = ""  # an organizer's address, lower-case
