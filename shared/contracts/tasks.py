"""Vendor task events: what an interpreting agency or a caterer must do, and their answers.

The platform publishes on ``tasks.<kind>.<vendor_id>.<assigned|changed|cancelled>``; a vendor answers on
``tasks.<kind>.<vendor_id>.<accepted|declined|done>``. Tasks carry no guest personal data.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from shared.contracts.base import Message


class VendorTaskMessage(Message, frozen=True, kw_only=True):
    """Identity of the task and of the vendor it belongs to."""

    task_id: str
    kind: str
    vendor_id: str

    def vendor_subject(self) -> str:
        """The subject of this message in the vendor's own subject tree."""
        return self.subject.format(kind=self.kind, vendor_id=self.vendor_id)


class VendorTaskAssigned(VendorTaskMessage, frozen=True, kw_only=True):
    """Work assigned to one vendor."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.assigned"
    space_id: str
    starts_at: datetime
    ends_at: datetime
    load_in_at: datetime
    load_out_at: datetime
    summary: str
    details: dict[str, str | int | list[str]] = {}


class VendorTaskChanged(VendorTaskMessage, frozen=True, kw_only=True):
    """The task's times, place or content changed; the full new version follows."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.changed"
    space_id: str
    starts_at: datetime
    ends_at: datetime
    load_in_at: datetime
    load_out_at: datetime
    summary: str
    details: dict[str, str | int | list[str]] = {}
    changes: list[str] = []


class VendorTaskCancelled(VendorTaskMessage, frozen=True, kw_only=True):
    """The task is withdrawn (the booking was cancelled or the work reassigned)."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.cancelled"
    reason: str = ""


class VendorTaskAccepted(VendorTaskMessage, frozen=True, kw_only=True):
    """The vendor takes the task (published by the vendor)."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.accepted"


class VendorTaskDeclined(VendorTaskMessage, frozen=True, kw_only=True):
    """The vendor cannot do the task (published by the vendor); it is reassigned or escalated."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.declined"
    reason: str


class VendorTaskDone(VendorTaskMessage, frozen=True, kw_only=True):
    """The vendor reports the work done (published by the vendor)."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.done"


class VendorTaskEscalated(VendorTaskMessage, frozen=True, kw_only=True):
    """No vendor could take the task in time: staff must act, and the organizer is told."""

    subject: ClassVar[str] = "tasks.{kind}.{vendor_id}.escalated"
    reason: str
    title: str = ""
    starts_at: datetime | None = None
