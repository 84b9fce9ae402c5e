"""Who the vendor is on NATS: the names its permissions are written in.

A vendor ``(kind, vendor_id)`` logs in as ``vendor-<kind>-<vendor_id>``, pulls its task events from the
durable consumer of the same name on stream TASKS, answers on ``tasks.<kind>.<vendor_id>.<answer>``,
asks for its list on ``vendors.<kind>.<vendor_id>.tasks`` and gets every reply under its private inbox
prefix ``_INBOX_<kind>_<vendor_id>``. The platform writes its NATS permissions in the same names
(shared/messaging/vendors.py; a unit test keeps the two equal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.contracts.tasks import VENDOR_TASKS_QUERY

KINDS = ("interpreting", "catering")
TASK_STREAM = "TASKS"
_TOKEN = re.compile(r"[A-Za-z0-9_-]+")  # one subject token: no dots, no wildcards


@dataclass(frozen=True)
class Vendor:
    kind: str
    vendor_id: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"the vendor kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if not _TOKEN.fullmatch(self.vendor_id):
            raise ValueError(f"the vendor id {self.vendor_id!r} may hold only letters, digits, '-' and '_'")

    @property
    def user(self) -> str:
        """The default NATS user, also the name of the vendor's task consumer."""
        return f"vendor-{self.kind}-{self.vendor_id}"

    @property
    def consumer(self) -> str:
        return self.user

    @property
    def inbox_prefix(self) -> str:
        return f"_INBOX_{self.kind}_{self.vendor_id}"

    @property
    def query_subject(self) -> str:
        return VENDOR_TASKS_QUERY.format(kind=self.kind, vendor_id=self.vendor_id)
