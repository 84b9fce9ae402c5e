"""Who is asking notify's API: venue staff, ops, or a person with their own venue account (an organizer
reads only what they were told, and manages only their own channels)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Caller:
    role: str  # organizer, staff or ops
    email: str = ""  # a person's address, lower-case (empty for the deployment's shared staff/ops keys)
    account_id: uuid.UUID | None = None  # the person's venue account
