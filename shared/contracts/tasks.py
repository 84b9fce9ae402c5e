"""Vendor task events: what an interpreting agency or a caterer must do. No guest personal data."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from shared.contracts.base import Message


class VendorTaskAssigned(Message, frozen=True, kw_only=True):
    """Work assigned to one vendor; published on ``tasks.<kind>.<vendor_id>.assigned``."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.assigned"
    task_id: str
    kind: str
    vendor_id: str
    space_id: str
    starts_at: datetime
    ends_at: datetime
    load_in_at: datetime
    load_out_at: datetime
    summary: str
    details: dict[str, str | int | list[str]] = {}

    def vendor_subject(self) -> str:
        return f"tasks.{self.kind}.{self.vendor_id}.assigned"
